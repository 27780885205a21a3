#!/usr/bin/env python3
"""Writes the labelled matching evaluation set (identities.jsonl, queries.jsonl) from a seed.

    python3 mock-data/matching-evaluation/generate.py --seed 20261125

Every party is made up. See README.md in this folder for the fields and categories.
"""
import argparse
import json
import os
import random

COMPANY_STEMS = ["Nordwind", "Bluepeak", "Solaris", "Vantage", "Kestrel", "Orionis", "Helixa", "Quantara", "Atlanta",
                 "Meridian", "Silverline", "Redwood", "Brightwater", "Falconridge", "Greenhill", "Ironbridge",
                 "Lakeshore", "Moonstone", "Northgate", "Oakfield", "Pinecrest", "Riverton", "Stonegate", "Westbrook"]
INDUSTRIES = ["Technologies", "Pharmaceuticals", "Robotics", "Materials", "Optics", "Instruments", "Systems",
              "Chemicals", "Motors", "Foods", "Semiconductors", "Biosciences", "Networks", "Energy"]
GIVEN = ["John", "Maria", "Peter", "Anna", "Michael", "Laura", "David", "Sophie", "Thomas", "Emma", "Daniel", "Clara"]
FAMILY = ["Smith", "Johnson", "Brown", "Garcia", "Martin", "Bernard", "Rossi", "Jansen", "Novak", "Keller", "Larsen", "Moreau"]

# (written with diacritics, written without, an ASCII spelling offices also use)
DIACRITICS = [("Jürgen Müller", "Jurgen Muller", "Juergen Mueller"), ("José García", "Jose Garcia", "JOSE GARCIA"),
              ("François Lefèvre", "Francois Lefevre", "FRANCOIS LEFEVRE"), ("Łukasz Wójcik", "Lukasz Wojcik", "LUKASZ WOJCIK"),
              ("Søren Østergaard", "Soren Ostergaard", "Soeren Oestergaard"), ("Çağlar Yılmaz", "Caglar Yilmaz", "CAGLAR YILMAZ"),
              ("Zoë Brontë", "Zoe Bronte", "ZOE BRONTE"), ("Björn Åström", "Bjorn Astrom", "Bjoern Aastroem"),
              ("Renée Dubé", "Renee Dube", "RENEE DUBE"), ("Ștefan Rădulescu", "Stefan Radulescu", "STEFAN RADULESCU"),
              ("Dvořák Antonín", "Dvorak Antonin", "DVORAK Antonin"), ("Håkon Nøkleby", "Hakon Nokleby", "HAKON NOKLEBY")]

# (legal form as registered, as the query writes it, country)
LEGAL_FORMS = [("GmbH", "Gesellschaft mit beschränkter Haftung", "DE"), ("Co., Ltd.", "Kabushiki Kaisha", "JP"),
               ("Kabushiki Kaisha", "K.K.", "JP"), ("Co., Ltd.", "Company Limited", "JP"), ("S.A.", "Société Anonyme", "FR"),
               ("LLC", "Limited Liability Company", "US"), ("Ltd", "Limited", "GB"), ("plc", "Public Limited Company", "GB"),
               ("AG", "Aktiengesellschaft", "CH"), ("B.V.", "Besloten Vennootschap", "NL"), ("S.p.A.", "Società per Azioni", "IT"),
               ("OOO", "ООО", "RU"), ("Inc.", "Incorporated", "US"), ("Corp.", "Corporation", "US"), ("AB", "Aktiebolag", "SE"),
               ("Co., Ltd.", "주식회사", "KR")]

RUSSIAN_FAMILY = [("Иванов", "Ivanov"), ("Петров", "Petrov"), ("Смирнов", "Smirnov"), ("Кузнецов", "Kuznetsov"), ("Попов", "Popov"),
                  ("Соколов", "Sokolov"), ("Лебедев", "Lebedev"), ("Козлов", "Kozlov"), ("Новиков", "Novikov"), ("Морозов", "Morozov")]
RUSSIAN_GIVEN = [("Иван", "Ivan"), ("Алексей", "Aleksey"), ("Сергей", "Sergey"), ("Андрей", "Andrey"), ("Михаил", "Mikhail"),
                 ("Николай", "Nikolay"), ("Павел", "Pavel"), ("Олег", "Oleg")]
GREEK_FAMILY = [("Παπαδόπουλος", "Papadopoulos"), ("Γεωργίου", "Georgiou"), ("Νικολάου", "Nikolaou"), ("Οικονόμου", "Oikonomou"),
                ("Παπαδάκης", "Papadakis"), ("Βασιλείου", "Vasileiou"), ("Καραγιάννης", "Karagiannis"), ("Αθανασίου", "Athanasiou")]
GREEK_GIVEN = [("Νίκος", "Nikos"), ("Μαρία", "Maria"), ("Ελένη", "Eleni"), ("Κώστας", "Kostas"), ("Σοφία", "Sofia"), ("Πέτρος", "Petros")]
KOREAN_FAMILY = [("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"), ("강", "Kang"), ("조", "Cho"), ("윤", "Yoon")]
KOREAN_GIVEN = [("민준", "Min-jun"), ("서연", "Seo-yeon"), ("지훈", "Ji-hoon"), ("하은", "Ha-eun"), ("도윤", "Do-yoon"),
                ("수아", "Su-a"), ("예준", "Ye-jun"), ("지우", "Ji-woo")]
JAPANESE_FAMILY = [("山田", "Yamada", "やまだ"), ("佐藤", "Sato", "さとう"), ("鈴木", "Suzuki", "すずき"), ("高橋", "Takahashi", "たかはし"),
                   ("田中", "Tanaka", "たなか"), ("伊藤", "Ito", "いとう"), ("渡辺", "Watanabe", "わたなべ"), ("中村", "Nakamura", "なかむら")]
JAPANESE_GIVEN = [("太郎", "Taro", "たろう"), ("花子", "Hanako", "はなこ"), ("健一", "Kenichi", "けんいち"), ("美咲", "Misaki", "みさき"),
                  ("翔太", "Shota", "しょうた"), ("陽子", "Yoko", "ようこ"), ("大輔", "Daisuke", "だいすけ")]
CHINESE_FAMILY = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao")]
CHINESE_GIVEN = [("晓明", "Xiaoming"), ("秀英", "Xiuying"), ("建华", "Jianhua"), ("志强", "Zhiqiang"), ("丽娟", "Lijuan"),
                 ("海涛", "Haitao"), ("玉兰", "Yulan")]

# Romanisation schemes: the party stored in its own script only; queries in the Latin spellings offices use
# (German, French, English BGN/PCGN, passport, scholarly; Korean RR, McCune-Reischauer and passport surnames;
# Hepburn variants and Kunrei; pinyin with tone marks or numbers; common Arabic spellings).
ROMANISED_PERSONS = [
    ("RU", "Cyrl", "Щербаков Юрий", ["SCHTSCHERBAKOW Jurij", "Chtcherbakov Iouri", "Shcherbakov Yuriy", "Ščerbakov Jurij", "SHCHERBAKOV IURII"]),
    ("RU", "Cyrl", "Хрущёва Татьяна", ["Chruschtschowa Tatjana", "Khrushcheva Tatyana", "KHRUSHCHEVA TATIANA"]),
    ("RU", "Cyrl", "Жуков Алексей", ["Schukow Alexej", "Zhukov Aleksey", "Joukov Alexei", "Žukov Aleksej"]),
    ("RU", "Cyrl", "Чайковский Пётр", ["Tschaikowski Pjotr", "Tchaikovski Piotr", "Chaykovskiy Pyotr", "Čajkovskij Pëtr"]),
    ("RU", "Cyrl", "Фёдорова Наталья", ["Fjodorowa Natalja", "Fyodorova Natalya", "FEDOROVA NATALIA"]),
    ("RU", "Cyrl", "Кузнецов Дмитрий", ["Kusnezow Dmitri", "Kuznetsov Dmitriy", "Kouznetsov Dmitri", "Kuznecov Dmitrij"]),
    ("RU", "Cyrl", "Соловьёв Евгений", ["Solowjow Jewgeni", "Solovyov Yevgeniy", "SOLOVEV EVGENII", "Soloviov Evgueni"]),
    ("RU", "Cyrl", "Шевченко Ольга", ["Schewtschenko Olga", "Shevchenko Olga", "Chevtchenko Olga"]),
    ("UA", "Cyrl", "Зеленський Володимир", ["Selenskyj Wolodymyr", "ZELENSKYI VOLODYMYR", "Zelensky Volodymyr"]),
    ("UA", "Cyrl", "Ковальчук Андрій", ["Kowaltschuk Andrij", "KOVALCHUK ANDRII", "Kovalchuk Andriy"]),
    ("GR", "Grek", "Γεωργίου Ευάγγελος", ["Georgiou Evangelos", "GEORGIOU EVANGELOS"]),
    ("GR", "Grek", "Οικονόμου Χρήστος", ["Oikonomou Christos", "Ikonomou Hristos", "Economou Christos"]),
    ("GR", "Grek", "Βασιλείου Δημήτριος", ["Vasileiou Dimitrios", "Vasiliou Dimitrios", "Vassiliou Dimitris"]),
    ("GR", "Grek", "Παπαγεωργίου Ελένη", ["Papageorgiou Eleni", "PAPAGEORGIOU ELENI"]),
    ("KR", "Hang", "김태현", ["Kim Tae-hyun", "Kim T'aehyon", "Gim Taehyeon"]),
    ("KR", "Hang", "박성민", ["Park Sung-min", "Pak Songmin", "Bak Seongmin"]),
    ("KR", "Hang", "이은정", ["Lee Eun-jung", "Yi Unjong", "I Eunjeong"]),
    ("KR", "Hang", "최영호", ["Choi Young-ho", "Ch'oe Yongho", "Choe Yeongho"]),
    ("KR", "Hang", "정재원", ["Jung Jae-won", "Chong Chaewon", "Jeong Jaewon"]),
    ("JP", "Hira", "きむら ゆういち", ["Kimura Yuichi", "Kimura Yuuichi", "Kimura Yūichi", "KIMURA YUICHI", "Kimura Yuiti"]),
    ("JP", "Hira", "いのうえ しゅんすけ", ["Inoue Shunsuke", "INOUE SHUNSUKE", "Inoue Syunsuke"]),
    ("JP", "Hira", "いとう じゅんいち", ["Ito Junichi", "Itoh Jun-ichi", "Itō Jun'ichi", "Itô Zyun'iti"]),
    ("JP", "Hira", "おおの しゅうへい", ["Ono Shuhei", "Ohno Shuhei", "Oono Shuuhei", "Ôno Syûhei"]),
    ("CN", "Hans", "孙丽华", ["Sūn Lìhuá", "Sun1 Li4hua2", "SUN Lihua"]),
    ("CN", "Hans", "郭建国", ["Guō Jiànguó", "Guo1 Jian4guo2", "GUO Jianguo"]),
    ("SA", "Arab", "محمد عبد الله", ["Mohammed Abdullah", "Muhammad Abdallah", "Mohamed Abdallah"]),
    ("SA", "Arab", "خالد الشمري", ["Khaled Al Shammari", "Khalid Alshammari"]),
    ("SA", "Arab", "فاطمة الزهراء", ["Fatima Al-Zahra", "Fatma Alzahraa"]),
]

# Legal forms across jurisdictions: (as registered, script, country, as queries write it).
INTL_LEGAL_FORMS = [
    ("株式会社エイクミ", "Jpan", "JP", ["株式会社 エイクミ", "エイクミ株式会社", "Eikumi K.K."]),
    ("有限会社サクラ", "Jpan", "JP", ["サクラ有限会社", "Sakura Y.K."]),
    ("주식회사 새롬", "Kore", "KR", ["주식회사새롬", "(주)새롬", "Saerom Co., Ltd."]),
    ("ООО «Ромашка»", "Cyrl", "RU", ["Romashka LLC", "OOO Romashka", "Romaschka GmbH"]),
    ("ПАО «Северный Металл»", "Cyrl", "RU", ["Severny Metall PJSC", "PAO Severnyy Metall"]),
    ("ТОВ «Сонячна енергія»", "Cyrl", "UA", ["Soniachna Enerhiia TOV", "Soniachna Enerhiia LLC"]),
    ("Nordlys Aksjeselskap", "Latn", "NO", ["Nordlys AS", "NORDLYS A/S"]),
    ("Revontuli Osakeyhtiö", "Latn", "FI", ["Revontuli Oy", "REVONTULI OY"]),
    ("Havbris ApS", "Latn", "DK", ["Havbris Anpartsselskab"]),
    ("Lumière Industries Société Anonyme", "Latn", "FR", ["Lumiere Industries Ste Anonyme", "Lumiere Industries S.A."]),
    ("Wisła Technologie sp. z o.o.", "Latn", "PL", ["Wisla Technologie Spółka z ograniczoną odpowiedzialnością", "WISLA TECHNOLOGIE SP Z OO"]),
    ("Vltava Strojírny s.r.o.", "Latn", "CZ", ["Vltava Strojirny spol. s r.o."]),
    ("Anadolu Kimya Anonim Şirketi", "Latn", "TR", ["Anadolu Kimya A.Ş."]),
    ("Αιγαίο Ναυτιλιακή Α.Ε.", "Grek", "GR", ["Aigaio Naftiliaki S.A."]),
]

# Near misses across schemes: (stored, script, kind, country, a query for another party).
ROMANISED_NEAR_MISSES = [
    ("Белов Алексей", "Cyrl", "NATURAL_PERSON", "RU", "Below Alexander"),
    ("Щербакова Юлия", "Cyrl", "NATURAL_PERSON", "RU", "Schtscherbakowa Jelena"),
    ("장민준", "Hang", "NATURAL_PERSON", "KR", "Yang Minjun"),
    ("양서연", "Hang", "NATURAL_PERSON", "KR", "Jang Seoyeon"),
    ("さとう けんじ", "Hira", "NATURAL_PERSON", "JP", "Kato Kenji"),
    ("Σταυρόπουλος Νίκος", "Grek", "NATURAL_PERSON", "GR", "Stavrakis Nikos"),
    ("محمد علي", "Arab", "NATURAL_PERSON", "SA", "Mahmoud Ali"),
    ("何晓燕", "Hans", "NATURAL_PERSON", "CN", "He Xiaoyun"),
    ("Кузнецова Дарья", "Cyrl", "NATURAL_PERSON", "RU", "Kuznetsova Dina"),
    ("ООО «Ландыш»", "Cyrl", "LEGAL_ENTITY", "RU", "Landysh Plus LLC"),
    ("株式会社ミドリ", "Jpan", "LEGAL_ENTITY", "JP", "株式会社ミドリ商事"),
    ("Fjellheim AS", "Latn", "LEGAL_ENTITY", "NO", "Fjellheim Energi AS"),
]

# Later categories, drawn after the ones above so that those stay as they were.
RUSSIAN_PATRONYMIC = [("Сергеевич", "Sergeyevich"), ("Иванович", "Ivanovich"), ("Петрович", "Petrovich"), ("Андреевич", "Andreyevich"),
                      ("Николаевич", "Nikolayevich"), ("Олегович", "Olegovich")]
INDIAN = [("Subramanian", "Venkataraman"), ("Lakshmi", "Narayanan"), ("Ramesh", "Krishnamurthy"), ("Priya", "Raghunathan")]
# Names the same once diacritics are folded, written with different ones: two people.
TWINS = [("Nguyễn Văn Hùng", "Nguyễn Văn Hưng", "Nguyen Van Hung", "VN"), ("Trần Thị Lan", "Trần Thị Lân", "Tran Thi Lan", "VN"),
         ("Phạm Minh Tuấn", "Phạm Minh Tuân", "Pham Minh Tuan", "VN"), ("Lê Văn Đức", "Lê Văn Dực", "Le Van Duc", "VN"),
         ("Işık Yılmaz", "Işik Yılmaz", "Isik Yilmaz", "TR"), ("Bożena Łęcka", "Bożena Lęcka", "Bozena Lecka", "PL")]
# A person's name and another person's name one letter from it at its end.
OTHER_ENDINGS = [("Mario", "Maria", "Bianchi"), ("Daniela", "Daniel", "Schubert"), ("Andreas", "Andrea", "Vogel"), ("Paulo", "Paula", "Ferreira")]

# Korean names as offices mix the schemes: the surname in its family's or the North's spelling, the given name in another scheme.
KOREAN_MIXED = [
    ("이서연", ["Yi Seo-yeon", "Rhee Seoyeon", "Ri So-yon"]),
    ("박준서", ["Pak Jun-seo", "Bahk Junseo"]),
    ("최민호", ["Choe Min-ho", "Chey Minho"]),
    ("정호영", ["Chung Ho-young", "Jeong Hoyeong", "Chong Ho-yong"]),
    ("김경수", ["Kim Kyung-soo", "Gim Gyeongsu"]),
    ("강동원", ["Gang Dong-won", "Kang Dongwon"]),
    ("신혜진", ["Sin Hye-jin", "Shin Hyejin"]),
    ("조성철", ["Jo Seong-cheol", "Cho Sung-chul"]),
    ("임희정", ["Rim Hui-jeong", "Lim Hee-jung", "Yim Heejung"]),
    ("안재현", ["Ahn Jae-hyun", "An Jaehyeon"]),
    ("손태혁", ["Sohn Tae-hyuk", "Son Taehyeok"]),
    ("전광수", ["Chun Kwang-soo", "Jeon Gwang-su"]),
]
# Another Korean person than the one registered, in a mixed spelling: (registered, query).
KOREAN_MIXED_OTHERS = [("이준호", "Rhee Jun-ha"), ("박성진", "Pak Song-jun"), ("정미경", "Chung Mi-jin"), ("최유나", "Choe Yu-ri")]

# Company names in Han, kana or Hangul only, queried with their trade words in English (or read in Japanese): (registered, script, country, queries).
TRANSLATED_COMPANIES = [
    ("恒达电子有限公司", "Hans", "CN", ["Hengda Electronics Co., Ltd.", "HENGDA ELECTRONIC CO LTD"]),
    ("瑞丰化工有限公司", "Hans", "CN", ["Ruifeng Chemical Co., Ltd.", "Ruifeng Chemicals Limited"]),
    ("康泰制药股份有限公司", "Hans", "CN", ["Kangtai Pharmaceutical Co., Ltd."]),
    ("宏远精密机械有限公司", "Hans", "CN", ["Hongyuan Precision Machinery Co., Ltd."]),
    ("新光科技集团有限公司", "Hans", "CN", ["Xinguang Technology Group Co., Ltd.", "Xinguang Technologies Group Limited"]),
    ("永昌實業股份有限公司", "Hant", "TW", ["Yongchang Industrial Co., Ltd."]),
    ("アサヒナ電機株式会社", "Jpan", "JP", ["Asahina Electric Co., Ltd.", "Asahina Denki K.K."]),
    ("ミドリ化学工業株式会社", "Jpan", "JP", ["Midori Chemical Industries Co., Ltd.", "Midori Kagaku Kogyo Kabushiki Kaisha"]),
    ("サクラ精密株式会社", "Jpan", "JP", ["Sakura Precision Co., Ltd."]),
    ("한솔전자 주식회사", "Kore", "KR", ["Hansol Electronics Co., Ltd.", "HANSOL ELECTRONICS CO LTD"]),
    ("대광화학 주식회사", "Kore", "KR", ["Daegwang Chemicals Co., Ltd."]),
    ("세진정밀 주식회사", "Kore", "KR", ["Sejin Precision Co., Ltd."]),
    ("동아제약 주식회사", "Kore", "KR", ["Dong-A Pharmaceutical Co., Ltd.", "Donga Pharmaceuticals"]),
]
# Another company than the one registered, of the same stem and another trade.
TRANSLATED_OTHERS = [("华通电子有限公司", "Hans", "CN", "Huatong Electric Co., Ltd."), ("한결화학 주식회사", "Kore", "KR", "Hangyeol Pharmaceutical Co., Ltd."),
                     ("アオバ電子株式会社", "Jpan", "JP", "Aoba Chemical Co., Ltd.")]

# Japanese people and companies stored in kanji only, queried in romaji: (registered, kind, queries).
JAPANESE_KANJI = [
    ("佐々木 健太", "NATURAL_PERSON", ["Sasaki Kenta", "KENTA SASAKI"]),
    ("高橋美穂", "NATURAL_PERSON", ["Takahashi Miho", "Miho Takahashi"]),
    ("斎藤 拓海", "NATURAL_PERSON", ["Saito Takumi", "SAITOH TAKUMI"]),
    ("小林 由美子", "NATURAL_PERSON", ["Kobayashi Yumiko"]),
    ("伊藤翔", "NATURAL_PERSON", ["Itoh Sho", "Ito Sho"]),
    ("長谷川 拓也", "NATURAL_PERSON", ["Hasegawa Takuya"]),
    ("中島 直樹", "NATURAL_PERSON", ["Nakajima Naoki", "Nakashima Naoki"]),
    ("大野 恵子", "NATURAL_PERSON", ["Ohno Keiko", "Ono Keiko"]),
    ("鈴木製薬株式会社", "LEGAL_ENTITY", ["Suzuki Seiyaku K.K.", "Suzuki Pharmaceutical Co., Ltd."]),
    ("松本電機株式会社", "LEGAL_ENTITY", ["Matsumoto Denki Kabushiki Kaisha", "Matsumoto Electric Co., Ltd."]),
]
# Another Japanese person than the one registered in kanji: (registered, query).
JAPANESE_KANJI_OTHERS = [("山田 花子", "Yamada Hanae"), ("鈴木 健一", "Suzuki Kenji"), ("田中 陽子", "Tanaka Yoshiko")]

# Hebrew names stored in Hebrew letters only (no vowels written), queried in the popular romanisations offices use
# (Cohen and Kohen, ch and h, tz and z, v and b, y and j): (registered, kind, queries, whether a query gives no country).
HEBREW = [
    ("כהן דוד", "NATURAL_PERSON", ["Cohen David", "KOHEN DAVID", "David Kohen"]),
    ("לוי מיכל", "NATURAL_PERSON", ["Levi Michal", "Michal Levy"]),
    ("מזרחי יוסף", "NATURAL_PERSON", ["Mizrahi Yosef", "Mizrachi Joseph"]),
    ("פרץ שרה", "NATURAL_PERSON", ["Peretz Sarah", "Perez Sara"]),
    ("ביטון אברהם", "NATURAL_PERSON", ["Biton Avraham", "Abraham Bitton"]),
    ("פרידמן נועה", "NATURAL_PERSON", ["Friedman Noa", "Fridman Noah"]),
    ("שפירא יצחק", "NATURAL_PERSON", ["Shapira Yitzhak", "Yitzchak Shapiro"]),
    ("גולדברג רחל", "NATURAL_PERSON", ["Goldberg Rachel", "Rahel Goldberg"]),
    ("אשכנזי חיים", "NATURAL_PERSON", ["Ashkenazi Chaim", "Haim Ashkenazi"]),
    ("שחר אלון בע״מ", "LEGAL_ENTITY", ["Shahar Alon Ltd.", "Shachar Alon Ltd"]),
]
# Another Hebrew-named person than the one registered: (registered, query).
HEBREW_OTHERS = [("לוי דן", "Levi Daniel"), ("כהן שרה", "Cohen Sarit")]

# Thai names stored in Thai letters only, queried in RTGS and the passport spellings (ph/p, th/t, kh/k, ch/j, -on/-orn, -at/-ad).
THAI = [
    ("สมชาย ใจดี", "NATURAL_PERSON", ["Somchai Jaidee", "SOMCHAI CHAIDEE"]),
    ("สมศรี ทองดี", "NATURAL_PERSON", ["Somsri Thongdee", "Somsri Tongdee"]),
    ("วิชัย ศรีสุข", "NATURAL_PERSON", ["Wichai Srisuk", "Vichai Srisook"]),
    ("ประเสริฐ วงศ์ไทย", "NATURAL_PERSON", ["Prasert Wongthai", "Prasoet Wongtai"]),
    ("มาลี แก้วมณี", "NATURAL_PERSON", ["Malee Kaewmanee", "Mali Kaeomani"]),
    ("ชัยวัฒน์ สุขสวัสดิ์", "NATURAL_PERSON", ["Chaiwat Suksawat", "Chaiwat Suksawad"]),
    ("สมพร รุ่งเรือง", "NATURAL_PERSON", ["Somporn Rungruang", "Somphon Rungrueang"]),
    ("นภา ทองคำ", "NATURAL_PERSON", ["Napha Thongkham", "Napa Tongkam"]),
    ("บริษัท สยามพัฒนา จำกัด", "LEGAL_ENTITY", ["Siam Phatthana Co., Ltd.", "Siam Pattana Company Limited"]),
    ("บริษัท ศรีเจริญ จำกัด", "LEGAL_ENTITY", ["Sri Charoen Co., Ltd.", "SRI CHARERN CO LTD"]),
]
# Another Thai person than the one registered (Malai is มาลัย, another name than Malee มาลี): (registered, query).
THAI_OTHERS = [("สมชาย ทองดี", "Somchai Thongchai"), ("มาลี ศรีสุข", "Malai Srisuk")]

# One slipped letter in a person's name that lands as a vowel before e, where a spelled-out umlaut folds: (registered, query, country).
UMLAUT_LIKE_TYPOS = [("Markus Zeller", "Markus Zeloer", "DE"), ("Julia Hansen", "Julia Hanoen", "DK"), ("Tobias Wagner", "Tobias Wagaer", "AT")]

# Legal names in their own script only, queried in Latin letters: the name transliterated (in the schemes offices use,
# or with its trade words translated) and the legal form transliterated, abbreviated or given its English equivalent.
TRANSLITERATED_LEGAL_NAMES = [
    ("АО «Северный Ветер»", "Cyrl", "RU", ["Severnyy Veter JSC", "AO Severny Veter", "Severnyi Veter AO"]),
    ("ЗАО «Уральский Турбинный Завод»", "Cyrl", "RU", ["ZAO Uralskiy Turbinnyy Zavod", "Ural'skiy Turbinnyy Zavod CJSC",
                                                       "Closed Joint Stock Company Uralsky Turbinny Zavod"]),
    ("ПАО «Восточная Энергия»", "Cyrl", "RU", ["PAO Vostochnaya Energiya", "Vostochnaya Energiya PJSC",
                                               "Public Joint Stock Company Vostochnaja Energija"]),
    ("ООО «Белый Медведь»", "Cyrl", "RU", ["Belyy Medved LLC", "OOO Belyj Medved",
                                           "Obshchestvo s Ogranichennoi Otvetstvennost'yu Belyy Medved", "Belyi Medved Ltd."]),
    ("ОАО «Сибирский Лес»", "Cyrl", "RU", ["OAO Sibirskiy Les", "Sibirsky Les OJSC", "Open Joint Stock Company Sibirskij Les"]),
    ("ПрАТ «Карпатський Ліс»", "Cyrl", "UA", ["PrJSC Karpatskyi Lis", "Karpatskyi Lis PrAT", "Private Joint Stock Company Karpatskyy Lis"]),
    ("ТОВ «Дніпровська Сталь»", "Cyrl", "UA", ["Dniprovska Stal LLC", "TOV Dniprovska Stal", "Dniprovs'ka Stal' TOV"]),
    ("Κρητικά Τρόφιμα Ε.Π.Ε.", "Grek", "GR", ["Kritika Trofima EPE", "Kritika Trofima Ltd", "KRITIKA TROFIMA E.P.E."]),
    ("Αθηναϊκή Ζυθοποιία Α.Ε.", "Grek", "GR", ["Athinaiki Zythopoiia SA", "Athinaiki Zithopiia S.A.", "Athinaiki Zythopoiia Anonymi Etaireia"]),
    ("Θεσσαλικά Λιπάσματα Ι.Κ.Ε.", "Grek", "GR", ["Thessalika Lipasmata IKE", "Thessalika Lipasmata P.C."]),
    ("شركة الفجر المحدودة", "Arab", "SA", ["Al Fajr Company Limited", "Alfajr Co. Ltd.", "Al-Fajr LLC"]),
    ("אור ים בע״מ", "Hebr", "IL", ["Or Yam Ltd.", "Or Yam Limited"]),
    ("长城机械有限公司", "Hans", "CN", ["Changcheng Jixie Youxian Gongsi", "Changcheng Machinery Co., Ltd.", "CHANGCHENG JIXIE CO LTD"]),
    ("金龙食品股份有限公司", "Hans", "CN", ["Jinlong Foods Co., Ltd.", "Jinlong Shipin Gufen Youxian Gongsi"]),
    ("大同電子股份有限公司", "Hant", "TW", ["Tatung Electronics Co., Ltd.", "Ta-Tung Electronics Corp."]),
    ("山田商事株式会社", "Jpan", "JP", ["Yamada Shoji K.K.", "Yamada Shoji Kabushiki Kaisha", "Yamada Trading Co., Ltd."]),
    ("有限会社タナカ精密", "Jpan", "JP", ["Tanaka Seimitsu Yugen Kaisha", "Yugen Kaisha Tanaka Seimitsu", "Tanaka Precision Y.K."]),
    ("合同会社ヒカリ", "Jpan", "JP", ["Hikari G.K.", "Hikari Godo Kaisha", "Hikari LLC"]),
    ("北海水産株式会社", "Jpan", "JP", ["Hokkai Suisan Kabushiki Kaisha", "Hokkai Suisan K.K."]),
    ("주식회사 한빛건설", "Kore", "KR", ["Hanbit Geonseol Co., Ltd.", "Hanbit Construction Co., Ltd.", "Hanbit Kunsul Jusik Hoesa"]),
    ("유한회사 미래상사", "Kore", "KR", ["Mirae Sangsa Yuhan Hoesa", "Mirae Trading Co., Ltd."]),
    ("บริษัท ไทยรุ่งเรือง จำกัด (มหาชน)", "Thai", "TH", ["Thai Rungruang Public Company Limited", "Thai Rungrueang PCL"]),
]
# Another company than the one registered, of the same stem and another trade or legal form class: (registered, script, country, query).
TRANSLITERATED_LEGAL_OTHERS = [("ООО «Северный Берег»", "Cyrl", "RU", "Severnyy Bereg Invest LLC"),
                               ("長城電子有限公司", "Hant", "TW", "Changcheng Optical Co., Ltd."),
                               ("Κρητικά Ελαιόλαδα Ε.Π.Ε.", "Grek", "GR", "Kritika Elaiolada AE")]

# Names in Arabic letters (Arabic, Persian, Urdu) outside the common names whose spellings are listed, stored in their own
# script only and queried in the spellings offices write (short vowels are not written: al, el; ch and sh; Maghreb French
# spellings; Persian ی and ک): (registered, kind, country, queries); each party's first query gives no country.
ARABIC_SCRIPT = [
    ("رنا الخطيب", "NATURAL_PERSON", "JO", ["Rana Al Khatib", "Rana Alkhatib", "Rana El-Khatib"]),
    ("سلمى النجار", "NATURAL_PERSON", "JO", ["Salma Al Najjar", "Salma Alnajjar"]),
    ("باسل حداد", "NATURAL_PERSON", "LB", ["Basel Haddad", "Bassel Haddad", "Basil Hadad"]),
    ("رشيد بن علي", "NATURAL_PERSON", "MA", ["Rachid Ben Ali", "Rashid Bin Ali"]),
    ("يزن العمري", "NATURAL_PERSON", "JO", ["Yazan Al Omari", "Yazan Alomari"]),
    ("علی رضایی", "NATURAL_PERSON", "IR", ["Ali Rezaei", "Ali Rezaee"]),
    ("مریم احمدی", "NATURAL_PERSON", "IR", ["Maryam Ahmadi", "Mariam Ahmadi"]),
    ("عمران قریشی", "NATURAL_PERSON", "PK", ["Imran Qureshi", "Imran Kureshi"]),
    ("نواف المطيري", "NATURAL_PERSON", "KW", ["Nawaf Al Mutairi", "Nawaf Almutairi"]),
    ("شركة الواحة للمقاولات المحدودة", "LEGAL_ENTITY", "SA", ["Al Waha Lilmuqawalat Company Limited", "Alwaha Lil Muqawalat Co. Ltd."]),
]
# Another person than the one registered in Arabic letters: (registered, country, query).
ARABIC_SCRIPT_OTHERS = [("محمود عيسى", "JO", "Mohammed Issa"), ("باسم نصار", "LB", "Basel Nassar"), ("حسن يوسف", "EG", "Hussein Youssef")]
# A person registered in Latin letters beside another registered in Arabic letters only whose consonants are the same (Samir
# and Samer are both s-m-r): a query one letter from the Latin spelling is that person, not the other: (Latin, Arabic, country, query).
ARABIC_SCRIPT_BESIDE_LATIN = [("Samir Haddad", "سامر حداد", "LB", "Samir Hadad"), ("Karim Nasser", "كريم نصر", "JO", "Karim Naser")]

# Greek people registered under the formal (church) form of the given name or the everyday one, queried under the other, as
# offices and passports write either: (registered, queries).
GREEK_GIVEN_FORMS = [
    ("Παπαδάκης Γεώργιος", ["Giorgos Papadakis", "Papadakis Yiorgos"]),
    ("Αλεξίου Ιωάννης", ["Giannis Alexiou", "Yannis Alexiou"]),
    ("Μαυρίδης Κωνσταντίνος", ["Kostas Mavridis"]),
    ("Σταματόπουλος Παναγιώτης", ["Panos Stamatopoulos"]),
    ("Λαμπράκης Ευάγγελος", ["Vangelis Lamprakis"]),
    ("Ζαχαρίου Αθανάσιος", ["Thanasis Zachariou"]),
    ("Κυριακίδης Σπυρίδων", ["Spyros Kyriakidis"]),
    ("Μανωλάκης Ελευθέριος", ["Lefteris Manolakis"]),
    ("Καλογεράκης Θοδωρής", ["Theodoros Kalogerakis"]),
    ("Δρόσου Κατερίνα", ["Aikaterini Drosou"]),
]
# Another Greek person than the one registered, of another given name: (registered, query).
GREEK_GIVEN_OTHERS = [("Παπαδάκης Γρηγόριος", "Stelios Papadakis"), ("Σαββίδης Νικόλαος", "Kostas Savvidis")]

# East Slavic people registered in Cyrillic, queried under the English or French form of the given name that records
# abroad use, or a Ukrainian name in its Russian form: (registered, country, queries).
SLAVIC_GIVEN_FORMS = [
    ("Воронцов Александр", "RU", ["Alexander Vorontsov", "Alexandre Vorontsov"]),
    ("Белов Михаил", "RU", ["Michael Belov"]),
    ("Орлова Екатерина", "RU", ["Catherine Orlova", "Katherine Orlova"]),
    ("Гусев Евгений", "RU", ["Eugene Gusev"]),
    ("Лукин Пётр", "RU", ["Peter Lukin", "Pierre Loukine"]),
    ("Миронова Елена", "RU", ["Helen Mironova"]),
    ("Зайцев Николай", "RU", ["Nicholas Zaitsev"]),
    ("Титова Юлия", "RU", ["Julia Titova"]),
    ("Бондаренко Олександр", "UA", ["Aleksandr Bondarenko", "Alexander Bondarenko"]),
    ("Ткаченко Володимир", "UA", ["Vladimir Tkachenko"]),
    ("Кравчук Микола", "UA", ["Nikolai Kravchuk"]),
    ("Мельник Сергій", "UA", ["Sergei Melnyk"]),
]
# Another person than the one registered, of another given name (surnames no other category has): (registered, country, query).
SLAVIC_GIVEN_OTHERS = [("Дроздов Григорий", "RU", "Michael Drozdov"), ("Фролов Иван", "RU", "Eugene Frolov"),
                       ("Мельник Андрій", "UA", "Paul Melnyk")]

# Indian (and a few Bangladeshi and Sri Lankan) names stored in their own script only (Devanagari for Hindi and Marathi, Bengali,
# Gurmukhi, Gujarati, Tamil, Telugu, Kannada, Malayalam), queried in the English spellings Indian offices and records abroad
# write: ee/oo for long vowels, the final inherent vowel dropped (Srinivas, Manjunath) or kept, sh for श/ष, th for Tamil த,
# v or w, the surname first now and then, Private Limited, Pvt. Ltd. or Limited: (registered, script, kind, country, queries);
# each party's first query gives no country.
INDIC_SCRIPTS = [
    ("राजेश शर्मा", "Deva", "NATURAL_PERSON", "IN", ["Rajesh Sharma", "SHARMA RAJESH"]),
    ("सुनीता अग्रवाल", "Deva", "NATURAL_PERSON", "IN", ["Sunita Agarwal", "Sunita Aggarwal", "AGRAWAL SUNITA"]),
    ("अश्विनी कुलकर्णी", "Deva", "NATURAL_PERSON", "IN", ["Ashwini Kulkarni", "Ashvini Kulkarni", "KULKARNI ASHWINI"]),
    ("श्री गणेश ट्रेडर्स प्राइवेट लिमिटेड", "Deva", "LEGAL_ENTITY", "IN", ["Shree Ganesh Traders Private Limited", "Shri Ganesh Traders Pvt. Ltd."]),
    ("অমিত ঘোষ", "Beng", "NATURAL_PERSON", "IN", ["Amit Ghosh", "Amit Ghose", "GHOSH AMIT"]),
    ("তানভীর হোসেন", "Beng", "NATURAL_PERSON", "BD", ["Tanvir Hossain", "Tanveer Hossain"]),
    ("মেঘনা টেক্সটাইল মিলস লিমিটেড", "Beng", "LEGAL_ENTITY", "BD", ["Meghna Textile Mills Limited", "Meghna Textile Mills Ltd."]),
    ("ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਢਿੱਲੋਂ", "Guru", "NATURAL_PERSON", "IN", ["Gurpreet Singh Dhillon", "DHILLON GURPREET SINGH"]),
    ("ਹਰਜੀਤ ਕੌਰ ਸੰਧੂ", "Guru", "NATURAL_PERSON", "IN", ["Harjeet Kaur Sandhu", "Harjit Kaur Sandhu", "SANDHU HARJIT KAUR"]),
    ("ભાવેશ પટેલ", "Gujr", "NATURAL_PERSON", "IN", ["Bhavesh Patel", "PATEL BHAVESH"]),
    ("મહાલક્ષ્મી કેમિકલ્સ પ્રાઇવેટ લિમિટેડ", "Gujr", "LEGAL_ENTITY", "IN", ["Mahalaxmi Chemicals Private Limited", "Mahalakshmi Chemicals Pvt. Ltd."]),
    ("கார்த்திகேயன் ராமசாமி", "Taml", "NATURAL_PERSON", "IN", ["Karthikeyan Ramasamy", "Karthikeyan Ramaswamy", "RAMASAMY KARTHIKEYAN"]),
    ("தர்ஷினி செல்வராஜா", "Taml", "NATURAL_PERSON", "LK", ["Tharshini Selvarajah", "Dharshini Selvaraja"]),
    ("சக்தி மோட்டார்ஸ் லிமிடெட்", "Taml", "LEGAL_ENTITY", "IN", ["Sakthi Motors Limited", "SAKTHI MOTORS LTD"]),
    ("శ్రీనివాస రెడ్డి", "Telu", "NATURAL_PERSON", "IN", ["Srinivas Reddy", "Srinivasa Reddy", "REDDY SRINIVAS"]),
    ("సురేష్ చౌదరి", "Telu", "NATURAL_PERSON", "IN", ["Suresh Chowdary", "Suresh Choudary"]),
    ("ಮಂಜುನಾಥ ಗೌಡ", "Knda", "NATURAL_PERSON", "IN", ["Manjunath Gowda", "Manjunatha Gowda", "GOWDA MANJUNATH"]),
    ("ಶ್ವೇತಾ ಹೆಗ್ಡೆ", "Knda", "NATURAL_PERSON", "IN", ["Shweta Hegde", "Swetha Hegde"]),
    ("അനൂപ് മേനോൻ", "Mlym", "NATURAL_PERSON", "IN", ["Anoop Menon", "Anup Menon"]),
    ("ദിവ്യ നായർ", "Mlym", "NATURAL_PERSON", "IN", ["Divya Nair", "Divya Nayar", "NAIR DIVYA"]),
]
# Another person than the one registered, of a surname a party above has and another given name: (registered, script, country, query).
INDIC_SCRIPTS_OTHERS = [("राकेश शर्मा", "Deva", "IN", "Mukesh Sharma"), ("সুমিত ঘোষ", "Beng", "IN", "Amitava Ghosh"),
                        ("ਮਨਪ੍ਰੀਤ ਸਿੰਘ ਢਿੱਲੋਂ", "Guru", "IN", "Gurdeep Singh Dhillon"), ("ಪ್ರಕಾಶ್ ಗೌಡ", "Knda", "IN", "Manjula Gowda")]

# Armenian and Georgian people stored in their own script only, queried in the usual Latin spellings (Armenian -yan or -ian,
# the Russian-based Khachaturian, Sarkisian; Georgian Davit or David, j or dj): (registered, script, country, queries);
# each party's first query gives no country.
ARMENIAN_GEORGIAN = [
    ("Արմեն Խաչատրյան", "Armn", "AM", ["Armen Khachatryan", "Armen Khachaturian"]),
    ("Դավիթ Պետրոսյան", "Armn", "AM", ["Davit Petrosyan", "PETROSIAN DAVID"]),
    ("Աննա Հովհաննիսյան", "Armn", "AM", ["Anna Hovhannisyan", "Anna Hovannisian"]),
    ("Նարեկ Գրիգորյան", "Armn", "AM", ["Narek Grigoryan", "Narek Grigorian"]),
    ("Լիլիթ Սարգսյան", "Armn", "AM", ["Lilit Sargsyan", "Lilit Sarkisian"]),
    ("Վահե Հարությունյան", "Armn", "AM", ["Vahe Harutyunyan", "Vahe Harutiunian"]),
    ("გიორგი ბერიძე", "Geor", "GE", ["Giorgi Beridze", "BERIDZE GIORGI"]),
    ("ნინო კაპანაძე", "Geor", "GE", ["Nino Kapanadze", "KAPANADZE NINO"]),
    ("დავით გელაშვილი", "Geor", "GE", ["Davit Gelashvili", "David Gelashvili"]),
    ("ლევან ჯაფარიძე", "Geor", "GE", ["Levan Japaridze", "Levan Djaparidze"]),
]
# Another person than the one registered, of a surname a party above has and another given name: (registered, script, country, query).
ARMENIAN_GEORGIAN_OTHERS = [("Հայկ Գրիգորյան", "Armn", "AM", "Gevorg Grigoryan"), ("ლაშა ბერიძე", "Geor", "GE", "Irakli Beridze")]

# Serbian, Montenegrin, Bosnian, Macedonian and Bulgarian names stored in Cyrillic only (ђ ј љ њ ћ џ, Macedonian ѓ ќ ѕ,
# Bulgarian щ ъ), queried in the Latin letters offices write: Gaj's Latin with diacritics (Đorđe, Ćosić, Šćepanović), the
# same on an ASCII keyboard (Djordje or Dordje, Cosic), Macedonian gj, kj, zh, ch (Gjorgji, Nikolikj, Ljupcho), Bulgarian
# sht, zh, dzh and ъ as a or u (Shterev, Hadzhiev, Kancheva, Kuncheva), the French j (Jordan Hadjiev), the surname first
# now and then: (registered, kind, country, queries); each party's first query gives no country.
SOUTH_SLAVIC = [
    ("Ђорђе Стојановић", "NATURAL_PERSON", "RS", ["Djordje Stojanovic", "Đorđe Stojanović", "Dordje Stojanovic"]),
    ("Јована Живковић", "NATURAL_PERSON", "RS", ["Jovana Živković", "Jovana Zivkovic", "ZIVKOVIC JOVANA"]),
    ("Љубомир Ћосић", "NATURAL_PERSON", "RS", ["Ljubomir Cosic", "Ljubomir Ćosić", "Cosic Ljubomir"]),
    ("Ненад Џунић", "NATURAL_PERSON", "RS", ["Nenad Džunić", "Nenad Dzunic"]),
    ("Ђурђевић Транспорт д.о.о.", "LEGAL_ENTITY", "RS", ["Djurdjevic Transport d.o.o.", "Đurđević Transport doo", "DURDEVIC TRANSPORT DOO"]),
    ("Вук Радоњић", "NATURAL_PERSON", "ME", ["Vuk Radonjic", "Radonjić Vuk"]),
    ("Драгана Шћепановић", "NATURAL_PERSON", "ME", ["Dragana Šćepanović", "Dragana Scepanovic", "SCEPANOVIC DRAGANA"]),
    ("Бојан Шљивић", "NATURAL_PERSON", "BA", ["Bojan Sljivic", "Šljivić Bojan"]),
    ("Ѓорѓи Трајковски", "NATURAL_PERSON", "MK", ["Gjorgji Trajkovski", "Gorgi Trajkovski", "TRAJKOVSKI DJORDJI"]),
    ("Снежана Николиќ", "NATURAL_PERSON", "MK", ["Snezhana Nikolikj", "Snezana Nikolic", "Snežana Nikolić"]),
    ("Љупчо Јаневски", "NATURAL_PERSON", "MK", ["Ljupcho Janevski", "Ljupčo Janevski", "JANEVSKI LJUPCO"]),
    ("Ѕвезда Трејд ДООЕЛ", "LEGAL_ENTITY", "MK", ["Dzvezda Trejd DOOEL", "DZVEZDA TREJD D.O.O.E.L."]),
    ("Атанас Щерев", "NATURAL_PERSON", "BG", ["Atanas Shterev", "Atanas Šterev", "SHTEREV ATANAS"]),
    ("Десислава Кънчева", "NATURAL_PERSON", "BG", ["Desislava Kancheva", "Desislava Kuncheva", "KANCHEVA DESISLAVA"]),
    ("Йордан Хаджиев", "NATURAL_PERSON", "BG", ["Yordan Hadzhiev", "Jordan Hadjiev", "HADZHIEV YORDAN"]),
]
# Another person than the one registered, of a surname a party above has and another given name: (registered, country, query).
SOUTH_SLAVIC_OTHERS = [("Марко Стојановић", "RS", "Milan Stojanović"), ("Стефан Трајковски", "MK", "Blagoja Trajkovski"),
                       ("Петър Щерев", "BG", "Nikolay Shterev")]

# The other direction: people registered in Latin letters only, as their office wrote them (given name first, a Russian
# passport's Iuliia, Egorov rather than Yegorov), queried in their own script: Hebrew without vowels, Thai, Arabic (an Egyptian
# final ى, Abdulrahman written as one word or two), Cyrillic, Greek (capitals without accents, as Greek offices write them),
# Hangul (with or without a space after the surname), katakana and hiragana (surname first): (registered, country, queries);
# each party's first query gives no country.
NATIVE_QUERIES = [
    ("Yael Rosenberg", "IL", ["יעל רוזנברג", "רוזנברג יעל"]),
    ("Eitan Dahan", "IL", ["איתן דהן"]),
    ("Kittisak Chaiyaporn", "TH", ["กิตติศักดิ์ ชัยพร"]),
    ("Siriporn Saetang", "TH", ["ศิริพร แซ่ตั้ง"]),
    ("Amr Fathy", "EG", ["عمرو فتحي", "عمرو فتحى"]),
    ("Abdulrahman Al-Qahtani", "SA", ["عبدالرحمن القحطاني", "عبد الرحمن القحطاني"]),
    ("Lina Haddadin", "JO", ["لينا حدادين"]),
    ("Iuliia Sorokina", "RU", ["Юлия Сорокина", "СОРОКИНА ЮЛИЯ"]),
    ("Vadim Egorov", "RU", ["Вадим Егоров", "Егоров Вадим"]),
    ("Evangelia Tsakiri", "GR", ["Ευαγγελία Τσακίρη", "ΤΣΑΚΙΡΗ ΕΥΑΓΓΕΛΙΑ"]),
    ("Dimitrios Antoniou", "GR", ["Δημήτριος Αντωνίου"]),
    ("Hwang Min-seok", "KR", ["황민석", "황 민석"]),
    ("Seung-hee Oh", "KR", ["오승희"]),
    ("Kenji Fujiwara", "JP", ["フジワラ ケンジ", "ふじわら けんじ"]),
    ("Ayumi Matsuda", "JP", ["マツダ アユミ"]),
]
# Another person than the one registered, of a surname a party above has and another given name, queried in their own
# script: (registered, country, query).
NATIVE_QUERIES_OTHERS = [("Tamar Rosenberg", "IL", "אורית רוזנברג"), ("Khaled Fathy", "EG", "محمود فتحي"),
                         ("Hwang Ji-young", "KR", "황민수")]

# Hong Kong and Macau people and Hong Kong companies. People registered in traditional characters only are queried in the Hong
# Kong government's Cantonese romanisation as identity cards write it (陳 Chan, 黃 Wong, 張 Cheung, 曾 Tsang, 葉 Yip; 詩 Sze, 子 Tsz,
# 卓 Cheuk), the surname first, now and then in capitals or with a comma, the given name's syllables apart or hyphenated, now
# and then after an English first name (Kelvin Tsang Chun Kit). The Macau people's names read the same in Macau's spellings.
# People registered in that romanisation only are queried in traditional characters; companies in traditional characters with
# 有限公司 are queried with the stem romanised and the trade word translated (貿易 Trading, 電子 Electronics, 建築 Construction):
# (registered, script, kind, country, queries); each party's first query gives no country.
CANTONESE = [
    ("陳志明", "Hant", "NATURAL_PERSON", "HK", ["Chan Chi Ming", "CHAN Chi-ming"]),
    ("黃詠詩", "Hant", "NATURAL_PERSON", "HK", ["Wong Wing Sze", "WONG Wing-sze"]),
    ("李凱琳", "Hant", "NATURAL_PERSON", "HK", ["Lee Hoi Lam", "Karen Lee Hoi Lam"]),
    ("張家樂", "Hant", "NATURAL_PERSON", "HK", ["Cheung Ka Lok", "CHEUNG, Ka Lok"]),
    ("梁偉強", "Hant", "NATURAL_PERSON", "HK", ["LEUNG Wai Keung", "Leung Wai-keung"]),
    ("劉秀雯", "Hant", "NATURAL_PERSON", "HK", ["Lau Sau-man", "Cindy Lau Sau Man"]),
    ("鄭子健", "Hant", "NATURAL_PERSON", "HK", ["Cheng Tsz Kin", "CHENG Tsz-kin"]),
    ("曾俊傑", "Hant", "NATURAL_PERSON", "HK", ["Kelvin Tsang Chun Kit", "Tsang Chun Kit"]),
    ("葉卓賢", "Hant", "NATURAL_PERSON", "HK", ["Yip Cheuk Yin", "YIP CHEUK YIN"]),
    ("郭慧珊", "Hant", "NATURAL_PERSON", "HK", ["Kwok Wai-shan", "KWOK Wai Shan"]),
    ("何家豪", "Hant", "NATURAL_PERSON", "MO", ["Ho Ka Ho", "HO Ka Ho"]),
    ("麥偉文", "Hant", "NATURAL_PERSON", "MO", ["Mak Wai Man", "MAK, Wai Man"]),
    ("林麗芳", "Hant", "NATURAL_PERSON", "MO", ["Lam Lai Fong", "LAM Lai Fong"]),
    ("Tang Siu Fung", "Latn", "NATURAL_PERSON", "HK", ["鄧少峰", "鄧 少峰"]),
    ("Yeung Hoi-ying", "Latn", "NATURAL_PERSON", "HK", ["楊凱瑩"]),
    ("FUNG Chi Fai", "Latn", "NATURAL_PERSON", "HK", ["馮志輝", "馮 志輝"]),
    ("Tse Wing Yan", "Latn", "NATURAL_PERSON", "HK", ["謝穎欣"]),
    ("永興貿易有限公司", "Hant", "LEGAL_ENTITY", "HK", ["Wing Hing Trading Company Limited", "Wing Hing Trading Co., Ltd."]),
    ("偉業電子有限公司", "Hant", "LEGAL_ENTITY", "HK", ["Wai Yip Electronics Company Limited", "WAI YIP ELECTRONICS CO., LTD."]),
    ("聯發建築有限公司", "Hant", "LEGAL_ENTITY", "HK", ["Luen Fat Construction Company Limited", "Luen Fat Construction Co., Ltd."]),
]
# Another person than any registered, of a surname a party above has and another given name (陳志強, 黃詠琪, 何家偉), in Latin
# letters: (country, query).
CANTONESE_OTHERS = [("HK", "Chan Chi Keung"), ("HK", "Wong Wing Kei"), ("MO", "Ho Ka Wai")]

# Russian, Ukrainian, Belarusian and Kazakh people (and a few companies) as passports and records abroad spell them. People in
# Cyrillic only are queried in the Russian passport spelling since 2013 (ICAO 9303: kh, ts, shch, i for й, iu, ia, ie for ъ:
# Arkadii, Podieiachev), the older passport and English spelling (Arkady, Matvey, Semyonovich), BGN/PCGN (Yëlkin, Igor'), German
# (sch, tsch, ja, ju, w for в, z for ц: Uljana Schtschukina, Wjatscheslaw), French (ou, ch, tch: Ouliana Chtchoukina),
# scientific transliteration and ISO 9 (Vjačeslav Cygankov, Verhovskaâ Alëna); Ukrainian names in the national system of 2010
# (h for г, ye/yu/ya at the start of a word, ie/iu/ia/i inside it: Yevheniia, Hnatiuk) and in Russian-style spellings (Gnatyuk);
# Belarusian names in the national system (Voĺha Ciškievič, Jaŭhien) and the passport spelling (Volha Tsishkevich, Yauhen), or
# under the Russian form of the name (Пятро Шыманскі as Pyotr Shimanskiy); Kazakh names in the passport spelling (Assel, Yerlan,
# Nurgaliyev), the Latin alphabet of 2021 (Äsel Jaqypova, Nūrğaliev) and Russian-style (Asel). People registered in Latin letters
# only (an ICAO, older, German or French spelling) are queried in another spelling or in Cyrillic: (registered, script, kind,
# country, queries); each party's first query gives no country.
EAST_SLAVIC_PASSPORTS = [
    ("Лаптев Аркадий Семёнович", "Cyrl", "NATURAL_PERSON", "RU", ["Arkadii Laptev",                    # ICAO 9303
                                                                "LAPTEV ARKADY SEMYONOVICH"]),        # older passport / English
    ("Щукина Ульяна Юрьевна", "Cyrl", "NATURAL_PERSON", "RU", ["SHCHUKINA ULIANA IUREVNA",            # ICAO 9303
                                                             "Uljana Schtschukina",                   # German (Duden)
                                                             "Ouliana Chtchoukina"]),                 # French
    ("Ёлкин Игорь Владимирович", "Cyrl", "NATURAL_PERSON", "RU", ["Igor Elkin",                       # ICAO 9303
                                                                "Yëlkin Igor' Vladimirovich"]),       # BGN/PCGN
    ("Цыганков Вячеслав", "Cyrl", "NATURAL_PERSON", "RU", ["Viacheslav Tsygankov",                    # ICAO 9303
                                                         "Vjačeslav Cygankov"]),                      # scientific
    ("Подъячев Матвей Ильич", "Cyrl", "NATURAL_PERSON", "RU", ["PODIEIACHEV MATVEI",                  # ICAO 9303 (ъ ie)
                                                             "Matvey Podyachev"]),                    # older passport / English
    ("Верховская Алёна Петровна", "Cyrl", "NATURAL_PERSON", "RU", ["Alena Verkhovskaia",              # ICAO 9303
                                                                 "Aljona Petrowna Werchowskaja",      # German (Duden)
                                                                 "Verhovskaâ Alëna"]),                # ISO 9
    ("Iurii Lavrentev", "Latn", "NATURAL_PERSON", "RU", ["Yuri Lavrentyev",                           # older / English
                                                       "Лаврентьев Юрий"]),
    ("Sergej Tschurilow", "Latn", "NATURAL_PERSON", "DE", ["Sergei Churilov",                         # ICAO 9303
                                                         "Чурилов Сергей Николаевич"]),
    ("Anastassia Chouvalova", "Latn", "NATURAL_PERSON", "FR", ["Anastasiia Shuvalova",                # ICAO 9303
                                                             "Шувалова Анастасия"]),
    ("Yakov Zolotaryov", "Latn", "NATURAL_PERSON", "RU", ["Iakov Zolotarev",                          # ICAO 9303
                                                        "Jakow Solotarjow"]),                         # German (Duden)
    ("ООО «Кедровый Бор»", "Cyrl", "LEGAL_ENTITY", "RU", ["Kedrovyi Bor OOO",                         # ICAO 9303
                                                        "OOO Kedrowy Bor"]),                          # German (Duden)
    ("Гнатюк Ярослава Григорівна", "Cyrl", "NATURAL_PERSON", "UA", ["Yaroslava Hnatiuk",              # Ukrainian national 2010
                                                                  "HNATIUK YAROSLAVA HRYHORIVNA",     # Ukrainian national 2010
                                                                  "Yaroslava Gnatyuk"]),              # Russian-style
    ("Юрченко Євгенія Олексіївна", "Cyrl", "NATURAL_PERSON", "UA", ["Yevheniia Yurchenko",            # Ukrainian national 2010
                                                                  "Yevgeniya Yurchenko"]),            # Russian-style
    ("Solomiia Hordiienko", "Latn", "NATURAL_PERSON", "UA", ["Соломія Гордієнко",
                                                           "Solomiya Gordiyenko"]),                   # Russian-style
    ("ТОВ «Зоряна Гавань»", "Cyrl", "LEGAL_ENTITY", "UA", ["Zoriana Havan TOV",                       # Ukrainian national 2010
                                                         "Zoryana Gavan LLC"]),                       # Russian-style
    ("Пятро Шыманскі", "Cyrl", "NATURAL_PERSON", "BY", ["Piatro Shymanski",                           # Belarusian passport
                                                      "Pyotr Shimanskiy",                             # Russian form, older English
                                                      "Пётр Шиманский"]),                             # Russian form
    ("Вольга Цішкевіч", "Cyrl", "NATURAL_PERSON", "BY", ["Volha Tsishkevich",                         # Belarusian passport
                                                       "Voĺha Ciškievič",                             # Belarusian national
                                                       "Olga Tishkevich"]),                           # Russian form, ICAO 9303
    ("Яўген Бародзіч", "Cyrl", "NATURAL_PERSON", "BY", ["Yauhen Barodzich",                           # Belarusian passport
                                                      "BARODZIČ Jaŭhien"]),                           # Belarusian national
    ("Әсел Жақыпова", "Cyrl", "NATURAL_PERSON", "KZ", ["Assel Zhakypova",                             # Kazakh passport
                                                     "Äsel Jaqypova",                                 # Kazakh Latin 2021
                                                     "ZHAKYPOVA ASEL"]),                              # Russian-style (Асель)
    ("Ерлан Нұрғалиев", "Cyrl", "NATURAL_PERSON", "KZ", ["Yerlan Nurgaliyev",                         # Kazakh passport
                                                       "Nūrğaliev Erlan"]),                           # Kazakh Latin 2021
    ("«Дала Құрылыс» ЖШС", "Cyrl", "LEGAL_ENTITY", "KZ", ["Dala Kurylys LLP",                         # English-style, LLP
                                                        "Dala Qūrylys JŞS"]),                         # Kazakh Latin 2021
    ("Aigul Mukhametzhanova", "Latn", "NATURAL_PERSON", "KZ", ["Айгүл Мұхаметжанова",
                                                             "Aigül Mūhametjanova"]),                 # Kazakh Latin 2021
]
# Another person than any registered: a registered surname with another given name, or the other gender's form of a name
# (Valentina Komarova beside Валентин Комаров, Yaroslav beside Ярослава Гнатюк, Iurii Shchukin beside Щукина Ульяна Юрьевна);
# the registered party beside it is another person too: (registered, script, country, query).
EAST_SLAVIC_PASSPORTS_OTHERS = [("Комаров Валентин", "Cyrl", "RU", "Valentina Komarova"),
                                ("Ярцев Евгений Павлович", "Cyrl", "RU", "Jewgenija Jarzewa"),
                                ("Щукин Тимофей", "Cyrl", "RU", "Iurii Shchukin"),
                                ("Гнатюк Богдана", "Cyrl", "UA", "Yaroslav Hnatiuk"),
                                ("Тарас Гордієнко", "Cyrl", "UA", "Nataliia Hordiienko"),
                                ("Tatjana Tschurilowa", "Latn", "DE", "Stanislav Churilov"),
                                ("Цішкевіч Андрэй", "Cyrl", "BY", "Alena Tsishkevich"),
                                ("Жақыпов Нұрлан", "Cyrl", "KZ", "Daniyar Zhakypov"),
                                ("Нұрғалиева Гүлнар", "Cyrl", "KZ", "Yerzhan Nurgaliyev")]

# More names across scripts. People (and a company) registered in Latin letters only are queried in their own script (Russian,
# Ukrainian, Bulgarian and Serbian Cyrillic, Greek, katakana and hiragana, Hangul, Arabic, Devanagari); parties registered in
# their own script only are queried in romanisations: Greek in ELOT 743 and phonetically (Efthymios, Efthimios Hatzigeorgiou);
# Japanese in modified Hepburn (Kudō Yūta), passport Hepburn (KUDOH YUTA), wāpuro (Kudou Yuuta) and Kunrei (Tuzuki Sizuka);
# Korean in Revised Romanization, McCune-Reischauer with or without its marks and the passport spellings (Lee, Choi); Chinese in
# pinyin with or without tone marks, Wade-Giles (Ch'iu Kuan-t'ing, CHIU KUAN TING) and in the other set of characters
# (呂嘉欣, 谢志豪), a Hong Kong name in pinyin; Arabic in common spellings and ALA-LC (Ṣāliḥ al-Ḍabʿān); Hebrew; Thai in RTGS and
# the passport spelling; Devanagari in IAST and English; Armenian in Eastern, Western and French spellings (Manukyan, Manoogian,
# Manoukian); Georgian in the national system and German (Dschikidse, Tschcheidse): (registered, script, kind, country,
# queries); each party's first query gives no country.
CROSS_SCRIPT_MORE = [
    ("Gleb Rusakov", "Latn", "NATURAL_PERSON", "RU", ["Глеб Русаков"]),
    ("Oksana Kravets", "Latn", "NATURAL_PERSON", "UA", ["Оксана Кравець"]),
    ("Rodopa Mlechni Produkti EOOD", "Latn", "LEGAL_ENTITY", "BG", ["Родопа Млечни Продукти ЕООД"]),
    ("Nemanja Vuksanović", "Latn", "NATURAL_PERSON", "RS", ["Немања Вуксановић"]),
    ("Charalambos Tsoukalas", "Latn", "NATURAL_PERSON", "GR", ["Χαράλαμπος Τσουκαλάς", "ΤΣΟΥΚΑΛΑΣ ΧΑΡΑΛΑΜΠΟΣ"]),
    ("Yusuke Ohashi", "Latn", "NATURAL_PERSON", "JP", ["オオハシ ユウスケ"]),
    ("Noh Eun-bi", "Latn", "NATURAL_PERSON", "KR", ["노은비"]),
    ("Hamza Al-Zoubi", "Latn", "NATURAL_PERSON", "JO", ["حمزة الزعبي"]),
    ("Ankit Srivastava", "Latn", "NATURAL_PERSON", "IN", ["अंकित श्रीवास्तव"]),
    ("Χατζηγεωργίου Ευθύμιος", "Grek", "NATURAL_PERSON", "GR", ["EFTHYMIOS CHATZIGEORGIOU",           # ELOT 743
                                                              "Efthimios Hatzigeorgiou"]),           # phonetic
    ("工藤 裕太", "Jpan", "NATURAL_PERSON", "JP", ["Kudō Yūta",                                          # modified Hepburn
                                               "KUDOH YUTA",                                         # passport Hepburn
                                               "Kudou Yuuta"]),                                      # wāpuro
    ("都築 静香", "Jpan", "NATURAL_PERSON", "JP", ["Shizuka Tsuzuki",                                    # Hepburn
                                               "Tuzuki Sizuka"]),                                    # Kunrei-shiki
    ("株式会社ヒュウガ精工", "Jpan", "LEGAL_ENTITY", "JP", ["Hyuga Seiko Co., Ltd.",                       # Hepburn, long vowels unmarked
                                                    "Hyuuga Seikou Kabushiki Kaisha"]),              # wāpuro
    ("이창혁", "Hang", "NATURAL_PERSON", "KR", ["Lee Chang-hyuk",                                       # passport
                                            "I Changhyeok",                                          # Revised Romanization
                                            "Yi Changhyok"]),                                        # McCune-Reischauer, no marks
    ("최은경", "Hang", "NATURAL_PERSON", "KR", ["Choi Eun-kyung",                                       # passport
                                            "Ch'oe Ŭn'gyŏng"]),                                      # McCune-Reischauer
    ("吕嘉欣", "Hans", "NATURAL_PERSON", "CN", ["Lǚ Jiāxīn",                                            # pinyin with tone marks
                                            "呂嘉欣"]),                                                 # traditional characters
    ("謝志豪", "Hant", "NATURAL_PERSON", "TW", ["Hsieh Chih-hao",                                       # Wade-Giles
                                            "Xie Zhihao",                                            # pinyin without tones
                                            "谢志豪"]),                                                 # simplified characters
    ("邱冠廷", "Hant", "NATURAL_PERSON", "TW", ["Ch'iu Kuan-t'ing",                                     # Wade-Giles
                                            "CHIU KUAN TING"]),                                      # Wade-Giles, no marks
    ("鄺樂怡", "Hant", "NATURAL_PERSON", "HK", ["Kuang Leyi",                                           # pinyin (Cantonese: Kwong Lok Yi)
                                            "邝乐怡"]),                                                 # simplified characters
    ("صالح الضبعان", "Arab", "NATURAL_PERSON", "SA", ["Saleh Al Dabaan",                             # common
                                                    "Ṣāliḥ al-Ḍabʿān"]),                             # ALA-LC
    ("ظريفة الطائي", "Arab", "NATURAL_PERSON", "IQ", ["Zarifa Al-Taie",                              # common
                                                    "Ẓarīfah al-Ṭāʾī"]),                             # ALA-LC
    ("مؤسسة النخلة للتجارة", "Arab", "LEGAL_ENTITY", "SA", ["Al Nakhla Trading Establishment",        # trade words translated
                                                          "Muʾassasat al-Nakhlah lil-Tijārah"]),     # ALA-LC
    ("צוקרמן אביטל", "Hebr", "NATURAL_PERSON", "IL", ["Avital Tzukerman", "ZUCKERMAN AVITAL"]),
    ("ธนพล เพชรรัตน์", "Thai", "NATURAL_PERSON", "TH", ["Thanaphon Phetcharat",                     # RTGS
                                                     "Thanapol Petcharat"]),                          # passport / common
    ("प्रवीण विश्वकर्मा", "Deva", "NATURAL_PERSON", "IN", ["Praveen Vishwakarma",                      # English
                                                         "Pravīṇa Viśvakarmā"]),                     # IAST
    ("Գևորգ Մանուկյան", "Armn", "NATURAL_PERSON", "AM", ["Gevorg Manukyan",                          # Eastern
                                                       "Kevork Manoogian",                           # Western
                                                       "MANOUKIAN Gevorg"]),                         # French
    ("ნიკოლოზ ჯიქიძე", "Geor", "NATURAL_PERSON", "GE", ["Nikoloz Jikidze",                            # Georgian national
                                                      "Nikolos Dschikidse"]),                        # German
    ("ეკატერინე ჩხეიძე", "Geor", "NATURAL_PERSON", "GE", ["Ekaterine Chkheidze",                      # Georgian national
                                                        "Ekaterine Tschcheidse"]),                   # German
]
# Another person than any registered, of a surname a party above has and another given name, in the query's script of the
# party: (registered, script, country, query).
CROSS_SCRIPT_MORE_OTHERS = [("Pavel Rusakov", "Latn", "RU", "Денис Русаков"),
                            ("Stavros Tsoukalas", "Latn", "GR", "Μιχάλης Τσουκαλάς"),
                            ("工藤 真司", "Jpan", "JP", "Kudō Yūto"),
                            ("이창민", "Hang", "KR", "Lee Chang-seok"),
                            ("謝志明", "Hant", "TW", "Hsieh Chih-wei"),
                            ("فهد الضبعان", "Arab", "SA", "Nasser Al Dabaan"),
                            ("วรวุฒิ เพชรรัตน์", "Thai", "TH", "Somkiat Phetcharat"),
                            ("Տիգրան Մանուկյան", "Armn", "AM", "Raffi Manoukian"),
                            ("ზურაბ ჯიქიძე", "Geor", "GE", "Giorgi Dschikidse")]


class Writer:
    def __init__(self, rng):
        self.rng = rng
        self.identities = []
        self.queries = []

    def identity(self, kind, country, names, identifiers=()):
        label = f"P{len(self.identities) + 1:04d}"
        self.identities.append({"label": label, "kind": kind, "country": country,
                                "names": [{"text": t, "script": s} for t, s in names],
                                "identifiers": [{"scheme": "applicant-number", "issuer": country_office(country), "value": v} for v in identifiers]})
        return label

    def query(self, category, kind, country, names, expected):
        self.queries.append({"id": f"Q{len(self.queries) + 1:04d}", "category": category, "kind": kind, "country": country,
                             "names": names, "expected": expected})


def country_office(country):
    return country if country in {"EP", "JP", "KR", "CN", "US", "DE", "GB", "BR", "SA"} else "EP"


def typo(rng, word):
    i = rng.randrange(1, len(word) - 2)
    kind = rng.choice(["swap", "drop", "double", "replace"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiou" if word[i] not in "aeiou" else "rstnl") + word[i + 1:]


USED = set()


def pairs(rng, first, second, count):
    """Distinct combinations no earlier category took, so no two parties of the set share a name."""
    combos = [(a, b) for a in first for b in second if (a, b) not in USED]
    rng.shuffle(combos)
    chosen = combos[:count]
    USED.update(chosen)
    return chosen


def generate(seed):
    rng = random.Random(seed)
    w = Writer(rng)
    companies = pairs(rng, COMPANY_STEMS, INDUSTRIES, 80)
    people = pairs(rng, GIVEN, FAMILY, 60)

    # Latin variants: case, punctuation, spacing, connectors.
    for stem, industry in companies[:16]:
        country = rng.choice(["US", "GB", "DE", "FR", "JP"])
        label = w.identity("LEGAL_ENTITY", country, [(f"{stem} {industry} Co., Ltd.", "Latn")])
        for variant in [f"{stem.upper()} {industry.upper()} CO LTD", f"{stem}-{industry} Co.,Ltd", f"The {stem} & {industry} Co. Ltd."][: rng.choice([2, 3])]:
            w.query("latin_variants", "LEGAL_ENTITY", country, [variant], label)

    # Legal forms written differently.
    for (stem, industry), (registered, written, country) in zip(companies[16:32], LEGAL_FORMS):
        label = w.identity("LEGAL_ENTITY", country, [(f"{stem} {industry} {registered}", "Latn")])
        w.query("legal_forms", "LEGAL_ENTITY", country, [f"{stem} {industry} {written}"], label)
        w.query("legal_forms", "LEGAL_ENTITY", country, [f"{stem.upper()} {industry.upper()} {written.upper()}"], label)

    # Diacritics and their spelled-out forms.
    for accented, plain, spelled in DIACRITICS:
        country = rng.choice(["DE", "FR", "ES", "PL", "DK", "TR", "SE", "CZ", "NO", "RO"])
        label = w.identity("NATURAL_PERSON", country, [(accented, "Latn")])
        w.query("diacritics", "NATURAL_PERSON", country, [plain], label)
        w.query("diacritics", "NATURAL_PERSON", country, [spelled], label)

    # Word order and initials-free reorderings of person names.
    for given, family in people[:16]:
        country = rng.choice(["US", "GB", "DE", "FR", "IT", "NL"])
        label = w.identity("NATURAL_PERSON", country, [(f"{given} {family}", "Latn")])
        w.query("word_order", "NATURAL_PERSON", country, [f"{family.upper()} {given}"], label)
        w.query("word_order", "NATURAL_PERSON", country, [f"{family}, {given}"], label)

    # Typos in long words.
    for stem, industry in companies[32:52]:
        country = rng.choice(["US", "GB", "DE", "JP", "KR"])
        label = w.identity("LEGAL_ENTITY", country, [(f"{stem} {industry}", "Latn")])
        target = rng.choice([0, 1])
        words = [stem, industry]
        words[target] = typo(rng, words[target])
        w.query("typos", "LEGAL_ENTITY", country, [" ".join(words)], label)

    # Cyrillic and Greek: native name and romanisation on the identity; queries in either script.
    for category, fam, giv, country in [("cyrillic", RUSSIAN_FAMILY, RUSSIAN_GIVEN, "RU"), ("greek", GREEK_FAMILY, GREEK_GIVEN, "GR")]:
        script = "Cyrl" if category == "cyrillic" else "Grek"
        for (nf, lf), (ng, lg) in pairs(rng, fam, giv, 12):
            with_latin = rng.random() < 0.5
            names = [(f"{nf} {ng}", script)] + ([(f"{lg} {lf}", "Latn")] if with_latin else [])
            label = w.identity("NATURAL_PERSON", country, names)
            w.query(category, "NATURAL_PERSON", country, [f"{lf.upper()} {lg}"], label)
            w.query(category, "NATURAL_PERSON", country, [f"{ng} {nf}"], label)

    # Hangul: persons with RR romanisation, companies with 주식회사.
    for (nf, lf), (ng, lg) in pairs(rng, KOREAN_FAMILY, KOREAN_GIVEN, 12):
        label = w.identity("NATURAL_PERSON", "KR", [(f"{nf}{ng}", "Hang"), (f"{lf} {lg}", "Latn")])
        w.query("hangul", "NATURAL_PERSON", "KR", [f"{nf} {ng}"], label)
        w.query("hangul", "NATURAL_PERSON", "KR", [f"{lg.replace('-', '')} {lf.upper()}"], label)
    for native, latin in [("한빛소재", "Hanbit Sojae"), ("미래전자", "Mirae Jeonja"), ("대한정밀", "Daehan Jeongmil"), ("새론화학", "Saeron Hwahak")]:
        label = w.identity("LEGAL_ENTITY", "KR", [(f"{native} 주식회사", "Hang"), (f"{latin} Co., Ltd.", "Latn")])
        w.query("hangul", "LEGAL_ENTITY", "KR", [f"(주){native}"], label)
        w.query("hangul", "LEGAL_ENTITY", "KR", [f"{latin.upper()} JUSIK HOESA"], label)

    # Japanese: kanji and romaji on the identity; queries in kanji, kana, romaji in either order.
    for (kf, lf, hf), (kg, lg, hg) in pairs(rng, JAPANESE_FAMILY, JAPANESE_GIVEN, 12):
        label = w.identity("NATURAL_PERSON", "JP", [(f"{kf} {kg}", "Jpan"), (f"{lg} {lf}", "Latn")])
        w.query("japanese", "NATURAL_PERSON", "JP", [f"{kf}{kg}"], label)
        w.query("japanese", "NATURAL_PERSON", "JP", [f"{hf} {hg}"], label)
        w.query("japanese", "NATURAL_PERSON", "JP", [f"{lf.upper()} {lg}"], label)
    for native, latin in [("東邦精機", "Toho Seiki"), ("北斗光学", "Hokuto Kogaku"), ("三光化成", "Sanko Kasei")]:
        label = w.identity("LEGAL_ENTITY", "JP", [(f"{native}株式会社", "Jpan"), (f"{latin} Kabushiki Kaisha", "Latn")])
        w.query("japanese", "LEGAL_ENTITY", "JP", [f"株式会社{native}"], label)
        w.query("japanese", "LEGAL_ENTITY", "JP", [f"{latin} Co., Ltd."], label)

    # Chinese: hanzi and pinyin on the identity; queries in hanzi and pinyin spellings.
    for (cf, lf), (cg, lg) in pairs(rng, CHINESE_FAMILY, CHINESE_GIVEN, 12):
        label = w.identity("NATURAL_PERSON", "CN", [(f"{cf}{cg}", "Hans"), (f"{lf} {lg}", "Latn")])
        w.query("chinese", "NATURAL_PERSON", "CN", [f"{cf}{cg}"], label)
        w.query("chinese", "NATURAL_PERSON", "CN", [f"{lg} {lf.upper()}"], label)
        w.query("chinese", "NATURAL_PERSON", "CN", [f"{lf} {lg[:len(lg)//2]} {lg[len(lg)//2:]}"], label)
    for native, latin in [("华信科技", "Huaxin Keji"), ("东方材料", "Dongfang Cailiao"), ("金桥电子", "Jinqiao Dianzi")]:
        label = w.identity("LEGAL_ENTITY", "CN", [(f"{native}有限公司", "Hans"), (f"{latin} Co., Ltd.", "Latn")])
        w.query("chinese", "LEGAL_ENTITY", "CN", [f"{native}有限公司"], label)
        w.query("chinese", "LEGAL_ENTITY", "CN", [f"{latin} Youxian Gongsi"], label)

    # True non-matches: a registered party and a query for a different party with a similar name.
    for stem, industry in companies[52:64]:
        other = rng.choice([i for i in INDUSTRIES if (stem, i) not in USED])
        country = rng.choice(["US", "GB", "DE", "JP"])
        w.identity("LEGAL_ENTITY", country, [(f"{stem} {industry}", "Latn")])
        w.query("non_matches", "LEGAL_ENTITY", country, [f"{stem} {other}"], None)
    for given, family in people[16:28]:
        other = rng.choice([g for g in GIVEN if (g, family) not in USED])
        country = rng.choice(["US", "GB", "DE", "FR"])
        w.identity("NATURAL_PERSON", country, [(f"{given} {family}", "Latn")])
        w.query("non_matches", "NATURAL_PERSON", country, [f"{other} {family}"], None)
    for (nf, lf), (ng, lg) in pairs(rng, KOREAN_FAMILY, KOREAN_GIVEN, 6):
        w.identity("NATURAL_PERSON", "KR", [(f"{nf}{ng}", "Hang"), (f"{lf} {lg}", "Latn")])
        other = rng.choice([g for g in KOREAN_GIVEN if ((nf, lf), g) not in USED])
        w.query("non_matches", "NATURAL_PERSON", "KR", [f"{lf} {other[1]}"], None)
    for (cf, lf), (cg, lg) in pairs(rng, CHINESE_FAMILY, CHINESE_GIVEN, 6):
        w.identity("NATURAL_PERSON", "CN", [(f"{cf}{cg}", "Hans"), (f"{lf} {lg}", "Latn")])
        other = rng.choice([g for g in CHINESE_GIVEN if ((cf, lf), g) not in USED])
        w.query("non_matches", "NATURAL_PERSON", "CN", [f"{cf}{other[0]}"], None)
    for (nf, lf), (ng, lg) in pairs(rng, RUSSIAN_FAMILY, RUSSIAN_GIVEN, 6):
        w.identity("NATURAL_PERSON", "RU", [(f"{nf} {ng}", "Cyrl")])
        w.query("non_matches", "NATURAL_PERSON", "RU", [f"{nf}а {ng}а"], None)  # the feminine form: another person

    # Romanisation schemes: stored in its own script only, queried in other schemes' spellings.
    for country, script, native, spellings in ROMANISED_PERSONS:
        label = w.identity("NATURAL_PERSON", country, [(native, script)])
        for spelling in spellings:
            w.query("romanisation", "NATURAL_PERSON", country, [spelling], label)

    # Legal forms of other jurisdictions: glued in CJK, dotted, native and English equivalents.
    for registered, script, country, written in INTL_LEGAL_FORMS:
        label = w.identity("LEGAL_ENTITY", country, [(registered, script)])
        for query in written:
            w.query("legal_forms_intl", "LEGAL_ENTITY", country, [query], label)

    # Near misses across scripts and schemes: another party, whose name folds close to a stored one.
    for stored, script, kind, country, query in ROMANISED_NEAR_MISSES:
        w.identity(kind, country, [(stored, script)])
        w.query("romanisation_non_matches", kind, country, [query], None)

    # Initials: the full name registered, the query with given names (and a Russian patronymic) cut to initials.
    for (nf, lf), (ng, lg) in pairs(rng, RUSSIAN_FAMILY, RUSSIAN_GIVEN, 6):
        pn, pl = rng.choice(RUSSIAN_PATRONYMIC)
        label = w.identity("NATURAL_PERSON", "RU", [(f"{nf} {ng} {pn}", "Cyrl"), (f"{lg} {pl} {lf}", "Latn")])
        w.query("initials", "NATURAL_PERSON", "RU", [f"{lf} {lg[0]}. {pl[0]}."], label)
        w.query("initials", "NATURAL_PERSON", "RU", [f"{nf} {ng[0]}. {pn[0]}."], label)
    for given, family in INDIAN:
        label = w.identity("NATURAL_PERSON", "IN", [(f"{given} {family}", "Latn")])
        w.query("initials", "NATURAL_PERSON", "IN", [f"{given[0]}. {family}"], label)
        w.query("initials", "NATURAL_PERSON", "IN", [f"{family.upper()} {given[0]}"], label)
    for given, family in people[28:34]:
        country = rng.choice(["US", "GB", "DE", "FR"])
        label = w.identity("NATURAL_PERSON", country, [(f"{given} {family}", "Latn")])
        w.query("initials", "NATURAL_PERSON", country, [f"{given[0]}. {family}"], label)
    # Two people an initial cannot tell apart: no GID.
    for first, second in [("Maria", "Michael"), ("David", "Daniel"), ("Clara", "Christopher")]:
        family = rng.choice([f for f in FAMILY if (first, f) not in USED and (second, f) not in USED])
        USED.update([(first, family), (second, family)])
        country = rng.choice(["US", "GB", "DE"])
        w.identity("NATURAL_PERSON", country, [(f"{first} {family}", "Latn")])
        w.identity("NATURAL_PERSON", country, [(f"{second} {family}", "Latn")])
        w.query("initials", "NATURAL_PERSON", country, [f"{first[0]}. {family}"], None)

    # One typo in a person's name, the country given.
    for given, family in people[34:46]:
        country = rng.choice(["US", "GB", "DE", "FR", "IT", "NL"])
        label = w.identity("NATURAL_PERSON", country, [(f"{given} {family}", "Latn")])
        words = [given, family]
        target = rng.choice([0, 1])
        words[target] = typo(rng, words[target])
        w.query("person_typos", "NATURAL_PERSON", country, [" ".join(words)], label)
    # Another person's given name, one letter from the registered one at its end: no GID.
    for registered, other, family in OTHER_ENDINGS:
        country = rng.choice(["IT", "ES", "DE", "BR"])
        w.identity("NATURAL_PERSON", country, [(f"{registered} {family}", "Latn")])
        w.query("person_typos", "NATURAL_PERSON", country, [f"{other} {family}"], None)

    # Twins by diacritics: both registered; each exact spelling finds its own, the folded one neither.
    for first, second, folded, country in TWINS:
        a = w.identity("NATURAL_PERSON", country, [(first, "Latn")])
        b = w.identity("NATURAL_PERSON", country, [(second, "Latn")])
        w.query("diacritic_twins", "NATURAL_PERSON", country, [first], a)
        w.query("diacritic_twins", "NATURAL_PERSON", country, [second], b)
        w.query("diacritic_twins", "NATURAL_PERSON", country, [folded], None)

    # Korean surnames and given names in mixed schemes; the party stored in Hangul only.
    for native, spellings in KOREAN_MIXED:
        label = w.identity("NATURAL_PERSON", "KR", [(native, "Hang")])
        for spelling in spellings:
            w.query("korean_mixed", "NATURAL_PERSON", "KR", [spelling], label)
    for native, query in KOREAN_MIXED_OTHERS:
        w.identity("NATURAL_PERSON", "KR", [(native, "Hang")])
        w.query("korean_mixed", "NATURAL_PERSON", "KR", [query], None)

    # Company names in their own script only, queried with the trade words translated.
    for registered, script, country, queries in TRANSLATED_COMPANIES:
        label = w.identity("LEGAL_ENTITY", country, [(registered, script)])
        for query in queries:
            w.query("translated_trade_words", "LEGAL_ENTITY", country, [query], label)
    for registered, script, country, query in TRANSLATED_OTHERS:
        w.identity("LEGAL_ENTITY", country, [(registered, script)])
        w.query("translated_trade_words", "LEGAL_ENTITY", country, [query], None)

    # Japanese names in kanji only, queried in romaji.
    for registered, kind, queries in JAPANESE_KANJI:
        label = w.identity(kind, "JP", [(registered, "Jpan")])
        for query in queries:
            w.query("japanese_kanji", kind, "JP", [query], label)
    for registered, query in JAPANESE_KANJI_OTHERS:
        w.identity("NATURAL_PERSON", "JP", [(registered, "Jpan")])
        w.query("japanese_kanji", "NATURAL_PERSON", "JP", [query], None)

    # Hebrew and Thai names in their own script only, queried in Latin letters; every first query of a party gives no country.
    for category, parties, others, country, script in [("hebrew", HEBREW, HEBREW_OTHERS, "IL", "Hebr"), ("thai", THAI, THAI_OTHERS, "TH", "Thai")]:
        for registered, kind, queries in parties:
            label = w.identity(kind, country, [(registered, script)])
            for i, query in enumerate(queries):
                w.query(category, kind, None if i == 0 else country, [query], label)
        for registered, query in others:
            w.identity("NATURAL_PERSON", country, [(registered, script)])
            w.query(category, "NATURAL_PERSON", country, [query], None)

    for registered, query, country in UMLAUT_LIKE_TYPOS:
        label = w.identity("NATURAL_PERSON", country, [(registered, "Latn")])
        w.query("person_typos", "NATURAL_PERSON", country, [query], label)

    # Legal names in their own script only, queried transliterated with the legal form transliterated or translated.
    for registered, script, country, queries in TRANSLITERATED_LEGAL_NAMES:
        label = w.identity("LEGAL_ENTITY", country, [(registered, script)])
        for query in queries:
            w.query("transliterated_legal_names", "LEGAL_ENTITY", country, [query], label)
    for registered, script, country, query in TRANSLITERATED_LEGAL_OTHERS:
        w.identity("LEGAL_ENTITY", country, [(registered, script)])
        w.query("transliterated_legal_names", "LEGAL_ENTITY", country, [query], None)

    # Names in Arabic letters only, queried in Latin letters; every first query of a party gives no country.
    for registered, kind, country, queries in ARABIC_SCRIPT:
        label = w.identity(kind, country, [(registered, "Arab")])
        for i, query in enumerate(queries):
            w.query("arabic_script", kind, None if i == 0 else country, [query], label)
    for registered, country, query in ARABIC_SCRIPT_OTHERS:
        w.identity("NATURAL_PERSON", country, [(registered, "Arab")])
        w.query("arabic_script", "NATURAL_PERSON", country, [query], None)
    for latin, arabic, country, query in ARABIC_SCRIPT_BESIDE_LATIN:
        label = w.identity("NATURAL_PERSON", country, [(latin, "Latn")])
        w.identity("NATURAL_PERSON", country, [(arabic, "Arab")])
        w.query("arabic_script", "NATURAL_PERSON", country, [query], label)

    # Greek given names in their formal and everyday forms.
    for registered, queries in GREEK_GIVEN_FORMS:
        label = w.identity("NATURAL_PERSON", "GR", [(registered, "Grek")])
        for query in queries:
            w.query("greek_given_forms", "NATURAL_PERSON", "GR", [query], label)
    for registered, query in GREEK_GIVEN_OTHERS:
        w.identity("NATURAL_PERSON", "GR", [(registered, "Grek")])
        w.query("greek_given_forms", "NATURAL_PERSON", "GR", [query], None)

    # East Slavic given names in the forms records abroad use.
    for registered, country, queries in SLAVIC_GIVEN_FORMS:
        label = w.identity("NATURAL_PERSON", country, [(registered, "Cyrl")])
        for query in queries:
            w.query("slavic_given_forms", "NATURAL_PERSON", country, [query], label)
    for registered, country, query in SLAVIC_GIVEN_OTHERS:
        w.identity("NATURAL_PERSON", country, [(registered, "Cyrl")])
        w.query("slavic_given_forms", "NATURAL_PERSON", country, [query], None)

    # Indic, Armenian and Georgian names in their own script only, queried in Latin letters; every first query of a party gives
    # no country. These draw nothing from rng.
    for category, parties, others in [("indic_scripts", INDIC_SCRIPTS, INDIC_SCRIPTS_OTHERS),
                                      ("armenian_georgian", [(r, s, "NATURAL_PERSON", c, q) for r, s, c, q in ARMENIAN_GEORGIAN],
                                       ARMENIAN_GEORGIAN_OTHERS)]:
        for registered, script, kind, country, queries in parties:
            label = w.identity(kind, country, [(registered, script)])
            for i, query in enumerate(queries):
                w.query(category, kind, None if i == 0 else country, [query], label)
        for registered, script, country, query in others:
            w.identity("NATURAL_PERSON", country, [(registered, script)])
            w.query(category, "NATURAL_PERSON", country, [query], None)

    # South Slavic names in Cyrillic only, queried in Latin letters; people registered in Latin letters only, queried in their
    # own script. Every first query of a party gives no country; these draw nothing from rng.
    for registered, kind, country, queries in SOUTH_SLAVIC:
        label = w.identity(kind, country, [(registered, "Cyrl")])
        for i, query in enumerate(queries):
            w.query("south_slavic", kind, None if i == 0 else country, [query], label)
    for registered, country, query in SOUTH_SLAVIC_OTHERS:
        w.identity("NATURAL_PERSON", country, [(registered, "Cyrl")])
        w.query("south_slavic", "NATURAL_PERSON", country, [query], None)
    for registered, country, queries in NATIVE_QUERIES:
        label = w.identity("NATURAL_PERSON", country, [(registered, "Latn")])
        for i, query in enumerate(queries):
            w.query("native_queries", "NATURAL_PERSON", None if i == 0 else country, [query], label)
    for registered, country, query in NATIVE_QUERIES_OTHERS:
        w.identity("NATURAL_PERSON", country, [(registered, "Latn")])
        w.query("native_queries", "NATURAL_PERSON", country, [query], None)

    # Hong Kong and Macau names in traditional characters or in Cantonese romanisation only, queried in the other; every first
    # query of a party gives no country. These draw nothing from rng.
    for registered, script, kind, country, queries in CANTONESE:
        label = w.identity(kind, country, [(registered, script)])
        for i, query in enumerate(queries):
            w.query("cantonese", kind, None if i == 0 else country, [query], label)
    for country, query in CANTONESE_OTHERS:
        w.query("cantonese", "NATURAL_PERSON", country, [query], None)

    # East Slavic and Kazakh names in passport and other spellings, and more names across scripts: the party in one script or
    # spelling only, queried in another; every first query of a party gives no country. These draw nothing from rng.
    for category, parties, others in [("east_slavic_passports", EAST_SLAVIC_PASSPORTS, EAST_SLAVIC_PASSPORTS_OTHERS),
                                      ("cross_script_more", CROSS_SCRIPT_MORE, CROSS_SCRIPT_MORE_OTHERS)]:
        for registered, script, kind, country, queries in parties:
            label = w.identity(kind, country, [(registered, script)])
            for i, query in enumerate(queries):
                w.query(category, kind, None if i == 0 else country, [query], label)
        for registered, script, country, query in others:
            w.identity("NATURAL_PERSON", country, [(registered, script)])
            w.query(category, "NATURAL_PERSON", country, [query], None)

    return w


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    w = generate(args.seed)
    for name, rows in [("identities.jsonl", w.identities), ("queries.jsonl", w.queries)]:
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(w.identities)} identities, {len(w.queries)} queries (seed {args.seed})")


if __name__ == "__main__":
    main()
