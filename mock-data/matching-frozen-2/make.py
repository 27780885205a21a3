#!/usr/bin/env python3
"""Writes the second frozen matching set (identities.jsonl, queries.jsonl) from curated lists.

Deterministic, standard library only:  python3 mock-data/matching-frozen-2/make.py
The set is frozen (see README.md): do not edit the lists because of scores.
Every party is made up.
"""
import json
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
NP, LE = "NATURAL_PERSON", "LEGAL_ENTITY"


def nfd(s):
    return unicodedata.normalize("NFD", s)


# Romanian: comma-below letters (correct, U+0218..U+021B) and cedilla letters (legacy, U+015E..U+0163)
S_COMMA, s_COMMA, T_COMMA, t_COMMA = "\u0218", "\u0219", "\u021A", "\u021B"
S_CED, s_CED, T_CED, t_CED = "\u015E", "\u015F", "\u0162", "\u0163"


def script_of(text):
    """ISO 15924 code of a name; Han-only names must say Hans/Hant/Jpan explicitly."""
    has = set()
    for ch in text:
        o = ord(ch)
        if 0x3040 <= o <= 0x30FF:
            has.add("Kana")
        elif 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF:
            has.add("Hang")
        elif 0x4E00 <= o <= 0x9FFF:
            has.add("Hani")
        elif 0x0400 <= o <= 0x04FF:
            has.add("Cyrl")
        elif 0x0370 <= o <= 0x03FF or 0x1F00 <= o <= 0x1FFF:
            has.add("Grek")
        elif 0x0600 <= o <= 0x06FF:
            has.add("Arab")
        elif 0x0590 <= o <= 0x05FF:
            has.add("Hebr")
        elif 0x0E00 <= o <= 0x0E7F:
            has.add("Thai")
        elif 0x0900 <= o <= 0x097F:
            has.add("Deva")
        elif 0x0B80 <= o <= 0x0BFF:
            has.add("Taml")
        elif 0x0530 <= o <= 0x058F:
            has.add("Armn")
        elif 0x10A0 <= o <= 0x10FF:
            has.add("Geor")
        elif ch.isalpha():
            has.add("Latn")
    if "Kana" in has:
        return "Jpan"
    if "Hang" in has:
        return "Hang"
    if "Hani" in has:
        raise ValueError("Han-only name needs an explicit script: " + text)
    (only,) = has - {"Latn"} or {"Latn"}
    return only


# ---------------------------------------------------------------- parties
PARTIES = {}   # key -> (kind, country, [(text, script)])
ORDER = []


def party(key, kind, country, *names):
    assert key not in PARTIES, key
    out = []
    for n in names:
        if isinstance(n, tuple):
            out.append(n)
        else:
            out.append((n, script_of(n)))
    PARTIES[key] = (kind, country, out)
    ORDER.append(key)


def P(key, country, *names):
    party(key, NP, country, *names)


def C(key, country, *names):
    party(key, LE, country, *names)


# ---------------------------------------------------------------- queries
QUERIES = []   # (category, kind, country, [names], expected key or None)


def q(cat, key, *names, country="same"):
    kind, ctry, _ = PARTIES[key]
    QUERIES.append((cat, kind, ctry if country == "same" else country, list(names), key))


def qn(cat, kind, country, *names):
    QUERIES.append((cat, kind, country, list(names), None))


# ================================================================ 1. initials
CAT = "initials"
P("kuzmin_artem", "RU", "Кузьмин Артём Сергеевич", "Artem Sergeevich Kuzmin")
P("kuzmin_anton", "RU", "Кузьмин Антон Петрович", "Anton Petrovich Kuzmin")
P("venkataraman", "IN", "Srinivasan Venkataraman", "சீனிவாசன் வெங்கடராமன்")
P("vasseur_jp", "FR", "Jean-Paul Vasseur")
P("vasseur_mc", "FR", "Marie-Claire Vasseur")
P("oberlaender", "DE", "Hans-Jürgen Oberländer")
P("whitcombe", "GB", "Margaret Eleanor Whitcombe")
P("kingsford", "US", "Robert Thomas Kingsford")
P("castaneda", "ES", "María José Castañeda Ruiz")
P("tkachenko", "UA", "Ткаченко Оксана Василівна", "Oksana Tkachenko")
P("liang", "CN", ("梁建华", "Hans"), "Liang Jianhua")
P("heijden", "NL", "Pieter Jan van der Heijden")
P("lima", "BR", "João Carlos Figueiredo Lima")

for n in ["Kuzmin A. S.", "Kuzmin A.S.", "A.S. Kuzmin", "KUZMIN AS", "Кузьмин А. С.",
          "Кузьмин А.С.", "А. С. Кузьмин", "Kuz'min A. S."]:
    q(CAT, "kuzmin_artem", n)
for n in ["Kuzmin A. P.", "A. P. Kuzmin", "Кузьмин А. П."]:
    q(CAT, "kuzmin_anton", n)
qn(CAT, NP, "RU", "Kuzmin V. S.")          # wrong first initial
qn(CAT, NP, "RU", "Кузьмин В. С.")         # wrong first initial
qn(CAT, NP, "RU", "Kuzmin A.")             # fits both A. Kuzmins: a person must look
for n in ["S. Venkataraman", "Venkataraman S.", "VENKATARAMAN S", "Venkataraman, S."]:
    q(CAT, "venkataraman", n)
qn(CAT, NP, "IN", "K. Venkataraman")
for n in ["J.-P. Vasseur", "Vasseur, J.P.", "VASSEUR J-P", "J. P. Vasseur"]:
    q(CAT, "vasseur_jp", n)
for n in ["M.-C. Vasseur", "Vasseur, M.C."]:
    q(CAT, "vasseur_mc", n)
qn(CAT, NP, "FR", "J.-L. Vasseur")
for n in ["H.-J. Oberländer", "Oberlaender, H.J.", "OBERLÄNDER H J"]:
    q(CAT, "oberlaender", n)
qn(CAT, NP, "DE", "H.-P. Oberländer")
for n in ["M. E. Whitcombe", "Whitcombe M E", "M.E. WHITCOMBE", "Whitcombe, Margaret E."]:
    q(CAT, "whitcombe", n)
qn(CAT, NP, "GB", "P. E. Whitcombe")
for n in ["R. T. Kingsford", "Kingsford, R.T.", "Robert T. Kingsford"]:
    q(CAT, "kingsford", n)
qn(CAT, NP, "US", "R. J. Kingsford")       # second initial differs
for n in ["M. J. Castañeda Ruiz", "Castañeda Ruiz, M.J.", "CASTANEDA RUIZ MJ"]:
    q(CAT, "castaneda", n)
for n in ["Tkachenko O. V.", "Ткаченко О. В.", "O. V. Tkachenko"]:
    q(CAT, "tkachenko", n)
qn(CAT, NP, "UA", "Ткаченко Л. В.")
for n in ["J. Liang", "Liang J.-H.", "J.-H. Liang", "LIANG J H"]:
    q(CAT, "liang", n)
qn(CAT, NP, "CN", "Liang X.-H.")
for n in ["P.J. van der Heijden", "Heijden, P.J. van der", "P. J. VAN DER HEIJDEN"]:
    q(CAT, "heijden", n)
for n in ["J. C. F. Lima", "Lima, J.C.F.", "J. C. Figueiredo Lima"]:
    q(CAT, "lima", n)
qn(CAT, NP, "BR", "J. A. F. Lima")

# ================================================================ 2. diacritic_twins
CAT = "diacritic_twins"
P("vn_hung_grave", "VN", "Nguyễn Văn Hùng")
P("vn_hung_horn", "VN", "Nguyễn Văn Hưng")
P("vn_lan", "VN", "Trần Thị Lan")
P("vn_lan_circ", "VN", "Trần Thị Lân")
P("vn_long_thanh_grave", "VN", "Võ Thành Long")
P("vn_long_thanh", "VN", "Võ Thanh Long")
P("vn_mai", "VN", "Nguyễn Thị Mai")                     # no twin: control
P("tr_asli_dotless", "TR", "Aslı Yıldırım")
P("tr_asli_dotted", "TR", "Asli Yildirim")
P("tr_togan_breve", "TR", "Ayşegül Toğan")
P("tr_togan", "TR", "Ayşegül Togan")
P("tr_sener_cedilla", "TR", "Emre Şener")
P("tr_sener", "TR", "Emre Sener")
P("tr_ozturk", "TR", "Gökhan Öztürk")                   # no twin: control
P("pl_pawlowski_stroke", "PL", "Krzysztof Pawłowski")
P("pl_pawlowski", "PL", "Krzysztof Pawlowski")
P("pl_maczka_ogonek", "PL", "Anna Mączka")
P("pl_maczka", "PL", "Anna Maczka")
P("cz_krenek_caron", "CZ", "Tomáš Křenek")
P("cz_krenek", "CZ", "Tomáš Krenek")
P("es_pena_tilde", "ES", "Carlos Peña Ortiz")
P("es_pena", "ES", "Carlos Pena Ortiz")
P("ro_muresan", "RO", "%stefan Mure%san" % (S_COMMA, s_COMMA))        # stored with comma below
P("ro_tugui", "RO", "Cătălina %sugui" % T_CED)                       # stored with legacy cedilla
P("ro_balan_breve", "RO", "Mihai Bălan")
P("ro_balan", "RO", "Mihai Balan")

q(CAT, "vn_hung_grave", "Nguyễn Văn Hùng")
q(CAT, "vn_hung_horn", "Nguyễn Văn Hưng")
q(CAT, "vn_hung_horn", nfd("Nguyễn Văn Hưng"))               # same letters, decomposed
q(CAT, "vn_hung_grave", "NGUYỄN VĂN HÙNG")
q(CAT, "vn_hung_grave", "Hùng Nguyễn Văn")
qn(CAT, NP, "VN", "Nguyen Van Hung")
qn(CAT, NP, "VN", "NGUYEN VAN HUNG")
qn(CAT, NP, "VN", "Nguyễn Văn Hung")
q(CAT, "vn_lan", "Trần Thị Lan")
q(CAT, "vn_lan_circ", "Trần Thị Lân")
q(CAT, "vn_lan_circ", "TRẦN THỊ LÂN")
qn(CAT, NP, "VN", "Tran Thi Lan")
q(CAT, "vn_long_thanh_grave", "Võ Thành Long")
q(CAT, "vn_long_thanh", "Võ Thanh Long")
q(CAT, "vn_long_thanh_grave", nfd("VÕ THÀNH LONG"))
qn(CAT, NP, "VN", "Vo Thanh Long")
q(CAT, "vn_mai", "Nguyen Thi Mai")
q(CAT, "vn_mai", "NGUYỄN THỊ MAI")
q(CAT, "tr_asli_dotless", "Aslı Yıldırım")
q(CAT, "tr_asli_dotted", "Asli Yildirim")
q(CAT, "tr_asli_dotted", "ASLİ YİLDİRİM")
q(CAT, "tr_asli_dotless", "YILDIRIM Aslı")
qn(CAT, NP, "TR", "ASLI YILDIRIM")           # Turkish capitals of the first, ASCII capitals of both
q(CAT, "tr_togan_breve", "Ayşegül Toğan")
q(CAT, "tr_togan", "Ayşegül Togan")
q(CAT, "tr_togan_breve", "AYŞEGÜL TOĞAN")
qn(CAT, NP, "TR", "Aysegul Togan")
q(CAT, "tr_sener_cedilla", "Emre Şener")
q(CAT, "tr_sener", "Emre Sener")
q(CAT, "tr_sener_cedilla", "ŞENER Emre")
q(CAT, "tr_ozturk", "Gokhan Ozturk")
q(CAT, "tr_ozturk", "GÖKHAN ÖZTÜRK")
q(CAT, "pl_pawlowski_stroke", "Krzysztof Pawłowski")
q(CAT, "pl_pawlowski", "Krzysztof Pawlowski")
q(CAT, "pl_pawlowski_stroke", "PAWŁOWSKI Krzysztof")
q(CAT, "pl_pawlowski", "Pawlowski, Krzysztof")
q(CAT, "pl_maczka_ogonek", "Anna Mączka")
q(CAT, "pl_maczka", "Anna Maczka")
q(CAT, "pl_maczka_ogonek", nfd("MĄCZKA Anna"))
q(CAT, "pl_maczka", "MACZKA ANNA")
q(CAT, "cz_krenek_caron", "Tomáš Křenek")
q(CAT, "cz_krenek", "Tomáš Krenek")
q(CAT, "cz_krenek_caron", "KŘENEK Tomáš")
qn(CAT, NP, "CZ", "Tomas Krenek")
q(CAT, "es_pena_tilde", "Carlos Peña Ortiz")
q(CAT, "es_pena", "Carlos Pena Ortiz")
q(CAT, "es_pena_tilde", "PEÑA ORTIZ, Carlos")
q(CAT, "es_pena", "PENA ORTIZ CARLOS")
q(CAT, "ro_muresan", "%stefan Mure%san" % (S_CED, s_CED))           # cedilla spelling of the same letters
q(CAT, "ro_muresan", "Stefan Muresan")
q(CAT, "ro_muresan", "MURE%sAN %stefan" % (S_COMMA, S_COMMA))
q(CAT, "ro_tugui", "Cătălina %sugui" % T_COMMA)                      # comma spelling of the same letters
q(CAT, "ro_tugui", "Catalina Tugui")
q(CAT, "ro_balan_breve", "Mihai Bălan")
q(CAT, "ro_balan", "Mihai Balan")
q(CAT, "ro_balan_breve", "BĂLAN Mihai")

# ================================================================ 3. cross_script
CAT = "cross_script"
P("vorontsov", "RU", "Gleb Vorontsov")
P("hrytsenko", "UA", "Mykola Hrytsenko")
P("kostadinov", "BG", "Dimitar Kostadinov")
P("milosevic", "RS", "Dragana Milošević")
P("karamanlakis", "GR", "Ευάγγελος Καραμανλάκης")
P("theodoropoulou", "GR", "Αικατερίνη Θεοδωροπούλου")
P("psychogios", "GR", "Χαράλαμπος Ψυχογιός")
P("kalogeropoulos", "GR", "Spyridon Kalogeropoulos")
P("morikawa", "JP", ("森川 悠斗", "Jpan"))
P("ono", "JP", ("大野 翔太", "Jpan"))
P("ito", "JP", ("伊藤 純一郎", "Jpan"))
P("nishimoto", "JP", "Haruka Nishimoto")
P("kwon", "KR", "권민재")
P("jo", "KR", "조은비")
P("im", "KR", "임하늘")
P("no", "KR", "노승우")
P("yoon", "KR", "Yoon Seo-yeon")
P("ouyang", "CN", ("欧阳文涛", "Hans"))
P("xu", "CN", ("许志强", "Hans"))
P("zhou", "CN", ("周晓红", "Hans"))
P("chen_tw", "TW", ("陳冠宇", "Hant"), "Chen Kuan-Yu")
P("wong_hk", "HK", ("黃志明", "Hant"), "WONG Chi Ming")
P("mansouri", "AE", "طارق المنصوري")
P("haddad", "JO", "سلمى حداد")
P("benali", "MA", "Youssef Benali")
P("shapira", "IL", "אורית שפירא")
P("berkovitz", "IL", "נועם ברקוביץ")
P("wongsuwan", "TH", "ปิยะพงษ์ วงศ์สุวรรณ")
P("thongprasoet", "TH", "กนกวรรณ ทองประเสริฐ")
P("kulkarni", "IN", "अनुराधा कुलकर्णी")
P("tripathi", "IN", "Vivek Tripathi")
P("sargsyan", "AM", "Հասմիկ Սարգսյան")
P("khutsishvili", "GE", "ლევან ხუციშვილი")

q(CAT, "vorontsov", "Глеб Воронцов")
q(CAT, "vorontsov", "ВОРОНЦОВ Глеб")
q(CAT, "hrytsenko", "Микола Гриценко")
q(CAT, "kostadinov", "Димитър Костадинов")
q(CAT, "milosevic", "Драгана Милошевић")
q(CAT, "karamanlakis", "Evangelos Karamanlakis")
q(CAT, "theodoropoulou", "Aikaterini Theodoropoulou")
q(CAT, "theodoropoulou", "Ekaterini Theodoropoulou")
q(CAT, "psychogios", "Charalampos Psychogios")
q(CAT, "psychogios", "Haralambos Psihogios")
q(CAT, "kalogeropoulos", "Σπυρίδων Καλογερόπουλος")
q(CAT, "morikawa", "Yuto Morikawa")
q(CAT, "morikawa", "Morikawa Yūto")
q(CAT, "morikawa", "モリカワ ユウト")
q(CAT, "ono", "Ōno Shōta")
q(CAT, "ono", "OHNO SHOTA")
q(CAT, "ono", "Oono Shouta")
q(CAT, "ito", "Jun'ichirō Itō")
q(CAT, "ito", "ITOH JUNICHIRO")
q(CAT, "ito", "Itô Zyun'itirô")
q(CAT, "nishimoto", "にしもと はるか")
q(CAT, "kwon", "Gwon Minjae")
q(CAT, "kwon", "Kwŏn Minjae")
q(CAT, "kwon", "KWON MIN JAE")
q(CAT, "jo", "Jo Eunbi")
q(CAT, "jo", "Cho Ŭnbi")
q(CAT, "im", "Im Haneul")
q(CAT, "im", "LIM HA NEUL")
q(CAT, "no", "No Sŭngu")
q(CAT, "no", "NOH SEUNGWOO")
q(CAT, "yoon", "윤서연")
q(CAT, "yoon", "Yun Sŏyŏn")
q(CAT, "ouyang", "Ōuyáng Wéntāo")
q(CAT, "ouyang", "Ou-yang Wen-t'ao")
q(CAT, "xu", "Xu Zhiqiang")
q(CAT, "xu", "Hsü Chih-ch'iang")
q(CAT, "xu", ("許志強"))
q(CAT, "zhou", "Chou Hsiao-hung")
q(CAT, "chen_tw", "陈冠宇")
q(CAT, "chen_tw", "Chén Guànyǔ")
q(CAT, "wong_hk", "Huang Zhiming")
q(CAT, "mansouri", "Tariq Al Mansouri")
q(CAT, "mansouri", "Ṭāriq al-Manṣūrī")
q(CAT, "haddad", "Salma Haddad")
q(CAT, "haddad", "Salmá Ḥaddād")
q(CAT, "benali", "يوسف بن علي")
q(CAT, "shapira", "Orit Shapira")
q(CAT, "berkovitz", "Noam Berkowitz")
q(CAT, "berkovitz", "Noam Berkovich")
q(CAT, "wongsuwan", "Piyaphong Wongsuwan")
q(CAT, "wongsuwan", "Piyapong Wongsuwan")
q(CAT, "thongprasoet", "Kanokwan Thongprasoet")
q(CAT, "thongprasoet", "Kanokwan Thongprasert")
q(CAT, "kulkarni", "Anuradha Kulkarni")
q(CAT, "kulkarni", "Anurādhā Kulkarṇī")
q(CAT, "tripathi", "विवेक त्रिपाठी")
q(CAT, "sargsyan", "Hasmik Sargsyan")
q(CAT, "sargsyan", "Hasmik Sarkissian")
q(CAT, "khutsishvili", "Levan Khutsishvili")
q(CAT, "khutsishvili", "Lewan Chuzischwili")

# ================================================================ 4. passport_romanisation
CAT = "passport_romanisation"
P("shcherbakov", "RU", "Щербаков Юрий Андреевич", "Iurii Shcherbakov")
P("zhukov", "RU", "Жуков Алексей Викторович")
P("kovalchuk", "UA", "Олексій Ковальчук", "Oleksii Kovalchuk")
P("hnatiuk", "UA", "Юлія Гнатюк", "Yuliia Hnatiuk")
P("lukashevich", "BY", "Ягор Лукашэвіч", "Yahor Lukashevich")
P("bekmukhambetov", "KZ", "Ерлан Бекмұхамбетов", "Yerlan Bekmukhambetov")
P("vorobeva", "RU", "Воробьёва Ксения Дмитриевна", "Kseniia Vorobeva")
P("chernyshev", "RU", "Чернышёв Вячеслав Игоревич", "Viacheslav Chernyshev")
P("khabibullina", "RU", "Хабибуллина Евгения Рашидовна", "Evgeniia Khabibullina")
P("zaitsev", "RU", "Зайцев Фёдор Николаевич", "Fedor Zaitsev")
P("iasinskaia", "RU", "Ясинская Юлия Олеговна", "Iuliia Iasinskaia")
P("golubev", "RU", "Dmitriy Golubev")                      # older passport spelling only
P("kusnezow", "DE", "Wladimir Kusnezow")                   # German spelling only
P("soloviova", "FR", "Tatiana Soloviova")                  # French spelling only

for n in ["Yuriy Shcherbakov", "Yuri Shcherbakov", "Juri Schtscherbakow", "Iouri Chtcherbakov",
          "Jurij Ščerbakov"]:
    q(CAT, "shcherbakov", n)
for n in ["Aleksei Zhukov", "Alexey Zhukov", "Aleksey Zhukov", "Alexei Schukow", "Alexeï Joukov",
          "Aleksej Žukov"]:
    q(CAT, "zhukov", n)
for n in ["Oleksiy Kovalchuk", "Oleksij Kowaltschuk", "Oleksiy Koval'chuk", "Oleksij Koval'čuk"]:
    q(CAT, "kovalchuk", n)
for n in ["Yulia Gnatyuk", "Yuliya Hnatyuk", "Julija Hnatjuk", "Ioulia Gnatiouk"]:
    q(CAT, "hnatiuk", n)
for n in ["Jahor Lukaševič", "Egor Lukashevich", "Yegor Lukashevich", "Jahor Lukaschewitsch",
          "Егор Лукашевич"]:
    q(CAT, "lukashevich", n)
for n in ["Erlan Bekmukhambetov", "Erlan Bekmūhambetov", "Jerlan Bekmuchambetow",
          "BEKMUKHAMBETOV YERLAN"]:
    q(CAT, "bekmukhambetov", n)
for n in ["Ksenia Vorobyova", "Kseniya Vorob'yëva", "Xenija Worobjowa", "Ksenia Vorobiova"]:
    q(CAT, "vorobeva", n)
for n in ["Vyacheslav Chernyshov", "Wjatscheslaw Tschernyschow", "Viatcheslav Tchernychev",
          "Vjačeslav Černyšëv", "Vyacheslav Chernyshëv"]:
    q(CAT, "chernyshev", n)
for n in ["Yevgeniya Khabibullina", "Jewgenija Chabibullina", "Evguenia Khabiboullina",
          "Evgeniya Khabibullina"]:
    q(CAT, "khabibullina", n)
for n in ["Fyodor Zaytsev", "Fjodor Saizew", "Fiodor Zaïtsev", "Fëdor Zajcev"]:
    q(CAT, "zaitsev", n)
for n in ["Yulia Yasinskaya", "Julija Jassinskaja", "Ioulia Iassinskaïa", "Yuliya Yasinskaya"]:
    q(CAT, "iasinskaia", n)
for n in ["Dmitrii Golubev", "Dmitri Golubew", "Dmitri Goloubev", "Дмитрий Голубев"]:
    q(CAT, "golubev", n)
for n in ["Vladimir Kuznetsov", "Vladimir Kouznetsov", "Владимир Кузнецов"]:
    q(CAT, "kusnezow", n)
for n in ["Tatiana Soloveva", "Tatyana Solovyova", "Tatjana Solowjowa", "Татьяна Соловьёва"]:
    q(CAT, "soloviova", n)

# ================================================================ 5. legal_forms_intl
CAT = "legal_forms_intl"
C("severny_vektor", "RU", "ООО «Северный вектор»")
C("volgapribor", "RU", "АО «Волгаприбор»", "Volgapribor JSC")
C("minato", "JP", "株式会社ミナトテクノ", "Minato Techno Co., Ltd.")
C("hayate", "JP", "合同会社ハヤテリンク", "Hayate Link LLC")
C("hanbit", "KR", "주식회사 한빛소재", "Hanbit Materials Co., Ltd.")
C("huachen", "CN", ("深圳市华辰电子有限公司", "Hans"), "Shenzhen Huachen Electronics Co., Ltd.")
C("mingyi", "TW", ("明益精密股份有限公司", "Hant"), "Mingyi Precision Co., Ltd.")
C("harbourlight", "HK", ("海光貿易有限公司", "Hant"), "Harbourlight Trading Limited")
C("aigaio", "GR", "Αιγαίο Ενέργεια Α.Ε.")
C("feldkamp", "DE", "Feldkamp Antriebstechnik GmbH")
C("alpenwerk", "AT", "Alpenwerk Sensorik AG")
C("wislopol", "PL", "Wisłopol Sp. z o.o.")
C("lumiere", "FR", "Lumière Verte S.A.")
C("corbiere", "FR", "Atelier Corbière SAS")
C("nordviken", "SE", "Nordviken Hydraulik AB")
C("kuusiranta", "FI", "Kuusiranta Oy")
C("bolgetek", "DK", "Bølgetek A/S")
C("fjordlys", "NO", "Fjordlys Maritime AS")
C("vltavske", "CZ", "Vltavské strojírny s.r.o.")
C("tiszavolgy", "HU", "Tiszavölgy Mérnöki Kft.")
C("jadranska", "HR", "Jadranska Oprema d.o.o.")
C("serra_azul", "BR", "Serra Azul Alimentos Ltda.")
C("brembane", "IT", "Officine Brembane S.p.A.")
C("lagunare", "IT", "Vetreria Lagunare S.r.l.")
C("polderzicht", "NL", "Polderzicht Technologie B.V.")
C("dijkstroom", "NL", "Dijkstroom Holding N.V.")
C("coralbay", "AU", "Coralbay Instruments Pty Ltd")
C("ashcombe", "GB", "Ashcombe Biologics PLC")
C("redwater", "US", "Redwater Analytics, Inc.")
C("granite", "US", "Granite Ridge Robotics Corp.")
C("almenara", "ES", "Talleres Almenara S.L.")

q(CAT, "severny_vektor", "OOO Severnyi vektor")
q(CAT, "severny_vektor", "Severny Vektor LLC")
q(CAT, "severny_vektor", "Общество с ограниченной ответственностью «Северный вектор»")
q(CAT, "volgapribor", "AO Volgapribor")
q(CAT, "volgapribor", "Joint Stock Company Volgapribor")
q(CAT, "volgapribor", "Акционерное общество «Волгаприбор»")
q(CAT, "minato", "Minato Techno K.K.")
q(CAT, "minato", "Kabushiki Kaisha Minato Techno")
q(CAT, "minato", "ミナトテクノ株式会社")
q(CAT, "minato", "(株)ミナトテクノ")
q(CAT, "hayate", "Hayate Link G.K.")
q(CAT, "hayate", "ハヤテリンク合同会社")
q(CAT, "hanbit", "(주)한빛소재")
q(CAT, "hanbit", "한빛소재 주식회사")
q(CAT, "hanbit", "주식회사한빛소재")
q(CAT, "hanbit", "HANBIT MATERIALS CO LTD")
q(CAT, "huachen", "Shenzhen Huachen Electronics Co Ltd")
q(CAT, "huachen", ("深圳华辰电子有限公司"))
q(CAT, "mingyi", "MING-YI PRECISION CO., LTD.")
q(CAT, "harbourlight", "Harbourlight Trading Ltd.")
q(CAT, "harbourlight", ("海光贸易有限公司"))
q(CAT, "aigaio", "Aigaio Energeia A.E.")
q(CAT, "aigaio", "Aigaio Energeia S.A.")
q(CAT, "aigaio", "ΑΙΓΑΙΟ ΕΝΕΡΓΕΙΑ ΑΝΩΝΥΜΗ ΕΤΑΙΡΕΙΑ")
q(CAT, "feldkamp", "Feldkamp Antriebstechnik Gesellschaft mit beschränkter Haftung")
q(CAT, "feldkamp", "FELDKAMP ANTRIEBSTECHNIK G.M.B.H.")
q(CAT, "alpenwerk", "Alpenwerk Sensorik Aktiengesellschaft")
q(CAT, "wislopol", "Wisłopol spółka z ograniczoną odpowiedzialnością")
q(CAT, "wislopol", "WISLOPOL SP. Z O.O.")
q(CAT, "lumiere", "Lumière Verte Société anonyme")
q(CAT, "lumiere", "LUMIERE VERTE SA")
q(CAT, "corbiere", "Atelier Corbière Société par actions simplifiée")
q(CAT, "corbiere", "ATELIER CORBIERE S.A.S.")
q(CAT, "nordviken", "Nordviken Hydraulik Aktiebolag")
q(CAT, "nordviken", "Aktiebolaget Nordviken Hydraulik")
q(CAT, "kuusiranta", "Kuusiranta Osakeyhtiö")
q(CAT, "kuusiranta", "Oy Kuusiranta")
q(CAT, "bolgetek", "Bølgetek Aktieselskab")
q(CAT, "bolgetek", "Boelgetek A/S")
q(CAT, "fjordlys", "Fjordlys Maritime Aksjeselskap")
q(CAT, "vltavske", "Vltavské strojírny, spol. s r.o.")
q(CAT, "vltavske", "Vltavské strojírny společnost s ručením omezeným")
q(CAT, "tiszavolgy", "Tiszavölgy Mérnöki Korlátolt Felelősségű Társaság")
q(CAT, "tiszavolgy", "TISZAVÖLGY MÉRNÖKI KFT")
q(CAT, "jadranska", "Jadranska Oprema društvo s ograničenom odgovornošću")
q(CAT, "jadranska", "JADRANSKA OPREMA DOO")
q(CAT, "serra_azul", "Serra Azul Alimentos Limitada")
q(CAT, "brembane", "Officine Brembane Società per azioni")
q(CAT, "brembane", "OFFICINE BREMBANE SPA")
q(CAT, "lagunare", "Vetreria Lagunare Società a responsabilità limitata")
q(CAT, "polderzicht", "Polderzicht Technologie Besloten Vennootschap")
q(CAT, "polderzicht", "POLDERZICHT TECHNOLOGIE BV")
q(CAT, "dijkstroom", "Dijkstroom Holding Naamloze Vennootschap")
q(CAT, "coralbay", "Coralbay Instruments Proprietary Limited")
q(CAT, "coralbay", "Coralbay Instruments Pty. Ltd.")
q(CAT, "ashcombe", "Ashcombe Biologics Public Limited Company")
q(CAT, "redwater", "Redwater Analytics Incorporated")
q(CAT, "redwater", "REDWATER ANALYTICS INC")
q(CAT, "granite", "Granite Ridge Robotics Corporation")
q(CAT, "almenara", "Talleres Almenara Sociedad Limitada")

# ================================================================ 6. near_namesakes
CAT = "near_namesakes"
P("orlov", "RU", "Орлов Валентин Игоревич", "Valentin Orlov")
P("orlova", "RU", "Орлова Валентина Игоревна", "Valentina Orlova")
P("rossetti_maria", "IT", "Maria Rossetti")
P("rossetti_mario", "IT", "Mario Rossetti")
C("nordic_systems", "SE", "Nordic Solar Systems AB")
C("nordic_solutions", "SE", "Nordic Solar Solutions AB")
P("brandauer", "AT", "Helmut Brandauer")
P("brandhauer", "AT", "Helmut Brandhauer")
P("kowalczyk_piotr", "PL", "Piotr Kowalczyk")
P("kowalczyk_pawel", "PL", "Paweł Kowalczyk")
C("silverholm_optics", "GB", "Silverholm Optics Ltd")
C("silverholm_optical", "GB", "Silverholm Optical Ltd")
C("bergmann_medizin", "DE", "Bergmann Medizintechnik GmbH")
C("bergmann_mess", "DE", "Bergmann Messtechnik GmbH")
C("kiyosumi_seiki", "JP", ("清澄精機株式会社", "Jpan"), "Kiyosumi Seiki Co., Ltd.")
C("kiyosumi_seiko", "JP", ("清澄精工株式会社", "Jpan"), "Kiyosumi Seiko Co., Ltd.")
P("kim_minjun", "KR", "김민준", "Kim Min-jun")
P("kim_minjeong", "KR", "김민정", "Kim Min-jeong")
P("li_wei_1", "CN", ("李伟", "Hans"))
P("li_wei_2", "CN", ("李玮", "Hans"))
P("lefevre_marc", "FR", "Jean-Marc Lefèvre")
P("lefevre_marie", "FR", "Jean-Marie Lefèvre")
P("lindqvist", "SE", "Anders Lindqvist")
P("lindquist", "SE", "Anders Lindquist")
P("papadakis", "GR", "Νίκος Παπαδάκης", "Nikos Papadakis")
P("papadaki", "GR", "Νίκη Παπαδάκη", "Niki Papadaki")
P("bondarenko_m", "UA", "Олександр Бондаренко", "Oleksandr Bondarenko")
P("bondarenko_f", "UA", "Олександра Бондаренко", "Oleksandra Bondarenko")

q(CAT, "orlov", "Valentin Orlov")
q(CAT, "orlova", "Valentina Orlova")
q(CAT, "orlova", "ОРЛОВА Валентина")
q(CAT, "orlov", "Orlov Valentin Igorevich")
q(CAT, "rossetti_maria", "Maria Rossetti")
q(CAT, "rossetti_mario", "ROSSETTI Mario")
q(CAT, "rossetti_maria", "Rossetti, Maria")
q(CAT, "nordic_systems", "Nordic Solar Systems AB")
q(CAT, "nordic_solutions", "NORDIC SOLAR SOLUTIONS AB")
q(CAT, "nordic_systems", "Nordic Solar Systems Aktiebolag")
q(CAT, "nordic_solutions", "Nordic Solar Solutions Aktiebolag")
q(CAT, "brandauer", "Helmut Brandauer")
q(CAT, "brandhauer", "Helmut Brandhauer")
q(CAT, "brandhauer", "BRANDHAUER, Helmut")
q(CAT, "kowalczyk_piotr", "Kowalczyk Piotr")
q(CAT, "kowalczyk_pawel", "Paweł Kowalczyk")
q(CAT, "kowalczyk_pawel", "KOWALCZYK PAWEŁ")
q(CAT, "silverholm_optics", "Silverholm Optics Ltd")
q(CAT, "silverholm_optical", "Silverholm Optical Ltd")
q(CAT, "silverholm_optics", "SILVERHOLM OPTICS LIMITED")
q(CAT, "bergmann_medizin", "Bergmann Medizintechnik GmbH")
q(CAT, "bergmann_mess", "BERGMANN MESSTECHNIK GMBH")
q(CAT, "bergmann_mess", "Bergmann Messtechnik Gesellschaft mit beschränkter Haftung")
q(CAT, "kiyosumi_seiki", "清澄精機株式会社")
q(CAT, "kiyosumi_seiko", "Kiyosumi Seiko K.K.")
q(CAT, "kiyosumi_seiko", "株式会社清澄精工")
q(CAT, "kiyosumi_seiki", "KIYOSUMI SEIKI CO LTD")
q(CAT, "kim_minjun", "김민준")
q(CAT, "kim_minjeong", "Kim Minjeong")
q(CAT, "kim_minjun", "KIM MIN JUN")
q(CAT, "kim_minjeong", "김민정")
q(CAT, "li_wei_1", ("李伟"))
q(CAT, "li_wei_2", ("李玮"))
q(CAT, "li_wei_1", ("李偉"))                    # traditional form of the first
q(CAT, "lefevre_marc", "Jean-Marc Lefèvre")
q(CAT, "lefevre_marie", "Jean-Marie Lefèvre")
q(CAT, "lefevre_marc", "LEFEVRE Jean-Marc")
q(CAT, "lindqvist", "Anders Lindqvist")
q(CAT, "lindquist", "Anders Lindquist")
q(CAT, "lindqvist", "LINDQVIST, Anders")
q(CAT, "papadakis", "Nikos Papadakis")
q(CAT, "papadaki", "Niki Papadaki")
q(CAT, "papadaki", "Νίκη Παπαδάκη")
q(CAT, "papadakis", "PAPADAKIS NIKOS")
q(CAT, "bondarenko_f", "Oleksandra Bondarenko")
q(CAT, "bondarenko_m", "Олександр Бондаренко")
q(CAT, "bondarenko_m", "BONDARENKO OLEKSANDR")
q(CAT, "bondarenko_f", "Bondarenko Oleksandra")
q(CAT, "orlov", "Валентин Орлов")
q(CAT, "bondarenko_f", "Олександра Бондаренко")
q(CAT, "papadakis", "Νίκος Παπαδάκης")
q(CAT, "lefevre_marie", "Jean-Marie LEFÈVRE")
q(CAT, "brandauer", "BRANDAUER Helmut")
q(CAT, "rossetti_mario", "Mario Rossetti")
q(CAT, "silverholm_optical", "Silverholm Optical Limited")
q(CAT, "bergmann_medizin", "Bergmann Medizintechnik Gesellschaft mit beschränkter Haftung")
q(CAT, "kim_minjun", "Kim Minjun")
q(CAT, "kiyosumi_seiki", "Kiyosumi Seiki K.K.")
q(CAT, "lindquist", "LINDQUIST Anders")
q(CAT, "kowalczyk_piotr", "Piotr KOWALCZYK")

# ================================================================ 7. absent
CAT = "absent"
ABSENT = [
    # look-alikes of stored parties (at least two edits away, or another given name / entity)
    (NP, "RU", "Kuzmina Anna Sergeevna"),
    (NP, "RU", "Artem Kuzmenko"),
    (NP, "FR", "Jean-Paul Vassort"),
    (NP, "GB", "Margaret Whitfield"),
    (NP, "US", "Robert Kingsley"),
    (NP, "DE", "Hans-Jürgen Oberhauser"),
    (NP, "RU", "Gleb Voronin"),
    (NP, "UA", "Mykola Hrytsak"),
    (NP, "RU", "Iurii Shcherbinin"),
    (NP, "RU", "Aleksei Zhuravlev"),
    (NP, "RU", "Валентин Орловский"),
    (NP, "JP", "Yuto Morimoto"),
    (NP, "JP", "森川 悠真"),
    (NP, "KR", "권민지"),
    (NP, "CN", "Ouyang Wenbo"),
    (NP, "CN", "许志刚"),
    (NP, "TW", "Chen Kuan-Ting"),
    (NP, "AE", "Tariq Al Mazrouei"),
    (NP, "TH", "Piyaphong Wongsawat"),
    (NP, "IN", "Anuradha Kelkar"),
    (NP, "IT", "Marina Rossellini"),
    (NP, "GR", "Νίκος Παπαδόπουλος"),
    (LE, "DE", "Feldkamp Antriebstechnik GmbH & Co. KG"),
    (LE, "US", "Minato Techno America, Inc."),
    (LE, "GB", "Redwater Analytics Europe Ltd"),
    (LE, "SE", "Nordic Solar Energy AB"),
    (LE, "CN", "深圳市华辰科技有限公司"),
    (LE, "CN", "Shenzhen Huachen Semiconductor Co., Ltd."),
    (LE, "IT", "Officine Brembane Meccaniche S.p.A."),
    (LE, "NL", "Polderzicht Logistiek B.V."),
    (LE, "RU", "ООО «Северный ветер»"),
    (LE, "RU", "АО «Волгаприбор-Сервис»"),
    (LE, "FI", "Kuusiranta Invest Oy"),
    (LE, "BR", "Serra Verde Alimentos Ltda."),
    (LE, "GB", "Ashcombe Diagnostics PLC"),
    (LE, "KR", "주식회사 한빛화학"),
    (LE, "JP", "清澄精密株式会社"),
    (LE, "DE", "Bergmann Maschinenbau GmbH"),
    # unrelated plausible parties
    (NP, "NO", "Ingrid Halvorsen"),
    (NP, "DE", "Tobias Rademacher"),
    (NP, "BE", "Quentin Marchal"),
    (NP, "NG", "Oluwaseun Adeyemi"),
    (NP, "MA", "Fatima Zahra El Idrissi"),
    (NP, "MX", "Diego Alarcón Vega"),
    (NP, "JP", "Kaito Fujisawa"),
    (LE, "GB", "Brightwater Ceramics Ltd"),
    (LE, "US", "Kestrel Avionics Inc."),
    (LE, "FR", "Solenne Parfums SAS"),
]
for kind, ctry, name in ABSENT:
    qn(CAT, kind, ctry, name)

# ================================================================ 8. typos
CAT = "typos"
TYPOS = [
    ("whitcombe", "Margaret Eleanor Whitcmobe"),          # transposition
    ("kingsford", "Robert Thomas Kinsgford"),            # transposition
    ("oberlaender", "Hans-Jürgen Oberlännder"),          # doubled
    ("heijden", "Pieter Jan van der Hejden"),            # dropped
    ("lima", "João Carlos Figuereido Lima"),             # transposition
    ("vorontsov", "Gleb Vorontosv"),                     # transposition
    ("hrytsenko", "Mykola Hrytsneko"),                   # transposition
    ("kostadinov", "Dimitar Kostadinnov"),               # doubled
    ("milosevic", "Dragana Milošvić"),                   # dropped
    ("kalogeropoulos", "Spyridon Kalogeropulos"),        # dropped
    ("nishimoto", "Haruka Nishimtoo"),                   # transposition
    ("yoon", "Yoon Seo-yoen"),                           # transposition
    ("benali", "Youssef Bennali"),                       # doubled
    ("tripathi", "Vivek Tripahti"),                      # transposition
    ("golubev", "Dmitriy Golubeev"),                     # doubled
    ("kusnezow", "Wladimir Kusnezwo"),                   # transposition
    ("soloviova", "Tatiana Soloviva"),                   # dropped
    ("shcherbakov", "Iurii Shcherbakvo"),                # transposition
    ("tkachenko", "Ткаченко Оксанна Василівна"),         # doubled
    ("karamanlakis", "Ευάγγελος Καραμαλάκης"),           # dropped
    ("kuzmin_artem", "Кузьмин Артём Сергевич"),          # dropped
    ("chernyshev", "Viacheslav Chernsyhev"),             # transposition
    ("feldkamp", "Feldkamp Antriebstehnik GmbH"),        # dropped
    ("brembane", "Officine Bremmbane S.p.A."),           # doubled
    ("polderzicht", "Polderzciht Technologie B.V."),     # transposition
    ("coralbay", "Coralbay Instrumnets Pty Ltd"),        # transposition
    ("ashcombe", "Ashcombe Biologcs PLC"),               # dropped
    ("redwater", "Redwatter Analytics, Inc."),           # doubled
    ("granite", "Granite Rigde Robotics Corp."),         # transposition
    ("nordviken", "Nordviken Hydralik AB"),              # dropped
    ("kuusiranta", "Kuusirantta Oy"),                    # doubled
    ("fjordlys", "Fjordyls Maritime AS"),                # transposition
    ("tiszavolgy", "Tiszavölgy Mérnki Kft."),            # dropped
    ("serra_azul", "Serra Azul Alimetnos Ltda."),        # transposition
    ("lagunare", "Vetreria Lagunnare S.r.l."),           # doubled
    ("almenara", "Talleres Almenarra S.L."),             # doubled
    ("corbiere", "Atelier Corbèire SAS"),                # transposition
    ("lumiere", "Lumière Vrte S.A."),                    # dropped
    ("jadranska", "Jadranska Oprmea d.o.o."),            # transposition
    ("dijkstroom", "Dijkstrom Holding N.V."),            # dropped
    ("minato", "Minato Tecnho Co., Ltd."),               # transposition
    ("huachen", "Shenzhen Huachen Electornics Co., Ltd."),  # transposition
    ("hanbit", "Hanbit Materails Co., Ltd."),            # transposition
    ("harbourlight", "Harbourlihgt Trading Limited"),    # transposition
    ("vltavske", "Vltavské strojírrny s.r.o."),          # doubled
    ("bolgetek", "Bølgtek A/S"),                         # dropped
    ("wislopol", "Wisłoppol Sp. z o.o."),                # doubled
    ("alpenwerk", "Alpenwerk Sensroik AG"),              # transposition
]
for key, name in TYPOS:
    q(CAT, key, name)


# ================================================================ write
def main():
    labels = {}
    with open(os.path.join(HERE, "identities.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for i, key in enumerate(ORDER, 1):
            kind, country, names = PARTIES[key]
            label = "G%04d" % i
            labels[key] = label
            rec = {"label": label, "kind": kind, "country": country,
                   "names": [{"text": t, "script": s} for t, s in names], "identifiers": []}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    per_cat = {}
    with open(os.path.join(HERE, "queries.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for i, (cat, kind, country, names, key) in enumerate(QUERIES, 1):
            # about one query in five carries no country, as offices often do not know it
            n = per_cat.get(cat, 0)
            per_cat[cat] = n + 1
            if n % 5 == 3:
                country = None
            names = [n if isinstance(n, str) else n[0] for n in names]
            rec = {"id": "GQ%04d" % i, "category": cat, "kind": kind, "country": country,
                   "names": names, "expected": labels[key] if key else None}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
