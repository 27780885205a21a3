#!/usr/bin/env python3
"""Writes identities.jsonl and queries.jsonl of the frozen matching set from the curated lists below.

The lists are the data: every spelling is written out by hand following the scheme named beside it
(SPECIFICATION.md). Nothing here derives a variant by rule, except the Unicode decomposition (NFD)
of a few diacritic-twin queries, which is marked where it is used.

    python3 mock-data/matching-frozen/make.py
"""
import json
import os
import unicodedata

LE, NP = "LEGAL_ENTITY", "NATURAL_PERSON"
parties = []  # (key, kind, country, [(text, script)])
queries = []  # (category, key or None, kind, country, [names])
_keys = {}


def party(key, kind, country, *names):
    assert key not in _keys, key
    _keys[key] = (kind, country)
    parties.append((key, kind, country, list(names)))


def q(category, key, *names, kind=None, country=None):
    if key is not None:
        k, c = _keys[key]
        kind = kind or k
        country = country or c
    assert kind and country, names
    queries.append((category, key, kind, country, list(names)))


def nfd(s):
    return unicodedata.normalize("NFD", s)


# ---------------------------------------------------------------- romanisation
R = "romanisation"
party("shcherbakov", NP, "RU", ("Щербаков Алексей Дмитриевич", "Cyrl"))
q(R, "shcherbakov", "Shcherbakov Aleksei Dmitrievich")        # ICAO 9303 / RU passport 2013+
q(R, "shcherbakov", "Shcherbakov Aleksey Dmitriyevich")       # BGN/PCGN
q(R, "shcherbakov", "Ŝerbakov Aleksej Dmitrievič")            # ISO 9:1995 = GOST 7.79 A
q(R, "shcherbakov", "Ščerbakov Aleksej Dmitrievič")           # scientific transliteration
q(R, "shcherbakov", "Schtscherbakow Alexei Dmitrijewitsch")   # German (Duden)
q(R, "shcherbakov", "Chtcherbakov Alexeï Dmitrievitch")       # French

party("zhukova", NP, "RU", ("Жукова Юлия Сергеевна", "Cyrl"), ("Yuliya Zhukova", "Latn"))
q(R, "zhukova", "Zhukova Iuliia Sergeevna")                   # ICAO 9303
q(R, "zhukova", "Schukowa Julija Sergejewna")                 # German (Duden)
q(R, "zhukova", "Joukova Ioulia Sergueïevna")                 # French
q(R, "zhukova", "Žukova Ûliâ Sergeevna")                      # ISO 9:1995
q(R, "zhukova", "Žukova Julija Sergeevna")                    # scientific

party("kharitonov", NP, "RU", ("Харитонов Фёдор Ильич", "Cyrl"))
q(R, "kharitonov", "Kharitonov Fedor Ilich")                  # ICAO 9303
q(R, "kharitonov", "Kharitonov Fëdor Ilʹich")                 # BGN/PCGN
q(R, "kharitonov", "Fyodor Kharitonov")                       # English popular
q(R, "kharitonov", "Charitonow Fjodor Iljitsch")              # German (Duden)
q(R, "kharitonov", "Kharitonov Fiodor Ilitch")                # French
q(R, "kharitonov", "Haritonov Fëdor Ilʹič")                   # ISO 9:1995

party("vorobyova", NP, "RU", ("Воробьёва Ксения Игоревна", "Cyrl"))
q(R, "vorobyova", "Vorobeva Kseniia Igorevna")                # ICAO 9303
q(R, "vorobyova", "Ksenia Vorobyova")                         # English popular
q(R, "vorobyova", "Worobjowa Xenija Igorewna")                # German (Duden)
q(R, "vorobyova", "Vorobʹëva Kseniâ Igorevna")                # ISO 9:1995

party("kovalchuk", NP, "UA", ("Ковальчук Юлія Євгенівна", "Cyrl"), ("Yuliia Kovalchuk", "Latn"))
q(R, "kovalchuk", "Kovalchuk Yuliya Yevhenivna")              # UA passport 2007 / BGN without soft sign
q(R, "kovalchuk", "Koval'chuk Yuliya Yevhenivna")             # BGN/PCGN Ukrainian
q(R, "kovalchuk", "Kovalʹčuk Julija Jevhenivna")              # scientific
q(R, "kovalchuk", "Kowaltschuk Julija Jewheniwna")            # German

party("hnatiuk", NP, "UA", ("Гнатюк Ярослав Ігорович", "Cyrl"))
q(R, "hnatiuk", "Hnatiuk Yaroslav Ihorovych")                 # Ukrainian national 2010
q(R, "hnatiuk", "Gnatyuk Yaroslav Igorovich")                 # read as Russian (г = g)
q(R, "hnatiuk", "Hnatjuk Jaroslaw Ihorowytsch")               # German
q(R, "hnatiuk", "Hnatjuk Jaroslav Ihorovyč")                  # scientific

# Latin-only parties queried in Cyrillic (Russian practical transcription)
party("schreiber", NP, "DE", ("Martin Schreiber", "Latn"))
q(R, "schreiber", "Мартин Шрайбер")
party("whitfield", NP, "GB", ("John Whitfield", "Latn"))
q(R, "whitfield", "Джон Уитфилд")
party("marchand", NP, "FR", ("Hélène Marchand", "Latn"))
q(R, "marchand", "Элен Маршан")
party("novak", NP, "CZ", ("Jan Novák", "Latn"))
q(R, "novak", "Ян Новак")

party("oikonomou", NP, "GR", ("Χαράλαμπος Οικονόμου", "Grek"))
q(R, "oikonomou", "Charalampos Oikonomou")                    # ELOT 743
q(R, "oikonomou", "Haralambos Economou")                      # older English practice
q(R, "oikonomou", "Charalambos Ikonomou")                     # phonetic
q(R, "oikonomou", "Xaralampos Oikonomou")                     # letter-by-letter (Greeklish X)

party("georgiou", NP, "GR", ("Ευαγγελία Γεωργίου", "Grek"), ("Evangelia Georgiou", "Latn"))
q(R, "georgiou", "Evaggelia Georgiou")                        # letter-by-letter (γγ = gg)
q(R, "georgiou", "Evangelía Yeoryíou")                        # BGN/PCGN 1962
q(R, "georgiou", "Euaggelía Geōrgíou")                        # ISO 843 transliteration

party("alharbi", NP, "SA", ("محمد عبد الرحمن الحربي", "Arab"), ("Mohammed Abdulrahman Al-Harbi", "Latn"))
q(R, "alharbi", "Muhammad Abd al-Rahman al-Harbi")            # ALA-LC, no diacritics
q(R, "alharbi", "Mohamed Abdelrahman El Harbi")               # Egyptian / French style
q(R, "alharbi", "Muḥammad ʿAbd al-Raḥmān al-Ḥarbī")           # ALA-LC with diacritics
q(R, "alharbi", "Mohammad Abdul Rahman Alharbi")

party("alshammari", NP, "SA", ("خالد يوسف الشمري", "Arab"))
q(R, "alshammari", "Khalid Yousef Al-Shammari")
q(R, "alshammari", "Khaled Youssef El Chammari")              # French style
q(R, "alshammari", "Khalid Yusuf ash-Shammari")               # ALA-LC with sun-letter assimilation
q(R, "alshammari", "Khalid Yousif Alshammary")

party("kimminjun", NP, "KR", ("김승준", "Kore"), ("Kim Seung-jun", "Latn"))
q(R, "kimminjun", "Gim Seungjun")                               # Revised Romanization, strict surname
q(R, "kimminjun", "Kim Sŭng-chun")                             # McCune–Reischauer (hyphenated given name)
q(R, "kimminjun", "Kim Seungjoon")                              # popular
q(R, "kimminjun", "Kim Seung Jun")

party("yiseoyeon", NP, "KR", ("이해원", "Kore"), ("Lee Hae-won", "Latn"))
q(R, "yiseoyeon", "I Haewon")                                # Revised Romanization, strict
q(R, "yiseoyeon", "Yi Hae-wŏn")                                # McCune–Reischauer
q(R, "yiseoyeon", "Yi Hae-won")                                # McCune–Reischauer without breves
q(R, "yiseoyeon", "Rhee Hae Won")                            # customary surname

party("parkjihun", NP, "KR", ("박지환", "Kore"), ("Park Ji-hwan", "Latn"))
q(R, "parkjihun", "Pak Chi-hwan")                              # McCune–Reischauer
q(R, "parkjihun", "Bak Jihwan")                                # Revised Romanization, strict
q(R, "parkjihun", "Park Jihwan")                              # popular

party("choeeunbi", NP, "KR", ("최은비", "Kore"))
q(R, "choeeunbi", "Choe Eunbi")                               # Revised Romanization
q(R, "choeeunbi", "Ch'oe Ŭnbi")                              # McCune–Reischauer
q(R, "choeeunbi", "Choi Eun-bi")                              # customary

party("satoshota", NP, "JP", ("佐藤 翔太", "Jpan"), ("Sato Shota", "Latn"))
q(R, "satoshota", "Satō Shōta")                               # Hepburn with macrons
q(R, "satoshota", "Satou Shouta")                             # wāpuro (ou)
q(R, "satoshota", "Satoh Shohta")                             # passport Hepburn (oh)
q(R, "satoshota", "Satô Syôta")                               # Kunrei / Nihon-shiki

party("fujiwara", NP, "JP", ("藤原 千尋", "Jpan"), ("Fujiwara Chihiro", "Latn"))
q(R, "fujiwara", "Huziwara Tihiro")                           # Kunrei / Nihon-shiki

party("onoyuko", NP, "JP", ("大野 裕子", "Jpan"), ("Ono Yuko", "Latn"))
q(R, "onoyuko", "Ōno Yūko")                                   # Hepburn with macrons
q(R, "onoyuko", "Ohno Yuko")                                  # passport Hepburn
q(R, "onoyuko", "Oono Yuuko")                                 # wāpuro (oo, uu)
q(R, "onoyuko", "Ôno Yûko")                                   # Kunrei

party("itojunko", NP, "JP", ("伊藤 順子", "Jpan"))
q(R, "itojunko", "Itoh Junko")                                # passport Hepburn
q(R, "itojunko", "Itou Junko")                                # wāpuro
q(R, "itojunko", "Itô Zyunko")                                # Kunrei / Nihon-shiki

party("tsuzuki", NP, "JP", ("都築 健一", "Jpan"), ("Tsuzuki Ken'ichi", "Latn"))
q(R, "tsuzuki", "Tuzuki Ken'iti")                             # Kunrei
q(R, "tsuzuki", "Tuduki Ken'iti")                             # Nihon-shiki (づ = du)
q(R, "tsuzuki", "Tsuzuki Kenichi")                            # Hepburn without apostrophe

party("wangxiaoming", NP, "CN", ("王晓东", "Hans"), ("Wang Xiaodong", "Latn"))
q(R, "wangxiaoming", "Wáng Xiǎodōng")                         # Hanyu Pinyin with tone marks
q(R, "wangxiaoming", "Wang Hsiao-tung")                       # Wade–Giles
q(R, "wangxiaoming", "WANG Xiao Dong")

party("zhoujianguo", NP, "CN", ("周建国", "Hans"))
q(R, "zhoujianguo", "Zhou Jianguo")                           # Hanyu Pinyin
q(R, "zhoujianguo", "Zhōu Jiànguó")                           # Hanyu Pinyin with tone marks
q(R, "zhoujianguo", "Chou Chien-kuo")                         # Wade–Giles

party("chenzhiqiang", NP, "CN", ("陈志强", "Hans"), ("Chen Zhiqiang", "Latn"))
q(R, "chenzhiqiang", "Ch'en Chih-ch'iang")                    # Wade–Giles
q(R, "chenzhiqiang", "Chen Chih-chiang")                      # Wade–Giles without apostrophes
q(R, "chenzhiqiang", "Chén Zhìqiáng")                         # Hanyu Pinyin with tone marks

party("linyijun", NP, "TW", ("林怡君", "Hant"), ("Lin Yi-Chun", "Latn"))
q(R, "linyijun", "Lin Yijun")                                 # Hanyu Pinyin
q(R, "linyijun", "Lín Yíjūn")                                 # Hanyu Pinyin with tone marks

party("sharma", NP, "IN", ("राजेश कुमार शर्मा", "Deva"), ("Rajesh Kumar Sharma", "Latn"))
q(R, "sharma", "Rājeś Kumār Śarmā")                           # ISO 15919 / IAST without final schwa

party("somchai", NP, "TH", ("สมชาย ใจดี", "Thai"), ("Somchai Jaidee", "Latn"))
q(R, "somchai", "Somchai Chaidi")                             # RTGS

# ---------------------------------------------------------------- legal_forms
L = "legal_forms"
party("eikumi", LE, "JP", ("株式会社エイクミ", "Jpan"), ("Eikumi Co., Ltd.", "Latn"))
q(L, "eikumi", "エイクミ株式会社")
q(L, "eikumi", "株式会社 エイクミ")
q(L, "eikumi", "(株)エイクミ")
q(L, "eikumi", "Eikumi Kabushiki Kaisha")
q(L, "eikumi", "Eikumi K.K.")
q(L, "eikumi", "Eikumi KK")
q(L, "eikumi", "EIKUMI CO LTD")
q(L, "eikumi", "エイクミ")

party("sakuraseiki", LE, "JP", ("有限会社さくら精機", "Jpan"), ("Sakura Seiki Y.K.", "Latn"))
q(L, "sakuraseiki", "有限会社 さくら精機")
q(L, "sakuraseiki", "(有)さくら精機")
q(L, "sakuraseiki", "Sakura Seiki Yugen Kaisha")
q(L, "sakuraseiki", "Sakura Seiki YK")
q(L, "sakuraseiki", "Sakura Seiki Ltd.")

party("minatoseiko", LE, "JP", ("株式会社ミナト精工", "Jpan"), ("Minato Seiko Co., Ltd.", "Latn"))
q(L, "minatoseiko", "Minato Seiko K.K.")
q(L, "minatoseiko", "Minato Seiko Kabushiki Kaisha")
q(L, "minatoseiko", "MINATO SEIKO KK")
q(L, "minatoseiko", "ミナト精工株式会社")

party("hanbit", LE, "KR", ("주식회사 한빛테크", "Kore"), ("Hanbit Tech Co., Ltd.", "Latn"))
q(L, "hanbit", "주식회사한빛테크")
q(L, "hanbit", "(주)한빛테크")
q(L, "hanbit", "㈜한빛테크")
q(L, "hanbit", "한빛테크 주식회사")
q(L, "hanbit", "Hanbit Tech Inc.")
q(L, "hanbit", "Hanbit Tech")

party("huarui", LE, "CN", ("深圳市华锐电子有限公司", "Hans"), ("Shenzhen Huarui Electronics Co., Ltd.", "Latn"))
q(L, "huarui", "深圳市华锐电子有限责任公司")
q(L, "huarui", "深圳市华锐电子")
q(L, "huarui", "Shenzhen Huarui Electronics Co Ltd")
q(L, "huarui", "Shenzhen Huarui Electronics Limited")
q(L, "huarui", "SHENZHEN HUARUI ELECTRONICS CO., LIMITED")

party("nordvik", LE, "NO", ("Nordvik Marin AS", "Latn"))
q(L, "nordvik", "Nordvik Marin Aksjeselskap")
q(L, "nordvik", "Nordvik Marin A/S")
q(L, "nordvik", "Nordvik Marin")

party("lindqvist", LE, "SE", ("Lindqvist Verktyg AB", "Latn"))
q(L, "lindqvist", "Lindqvist Verktyg Aktiebolag")
q(L, "lindqvist", "Aktiebolaget Lindqvist Verktyg")
q(L, "lindqvist", "Lindqvist Verktyg A.B.")
q(L, "lindqvist", "Lindqvist Verktyg")

party("hojgaard", LE, "DK", ("Højgaard Biotek ApS", "Latn"))
q(L, "hojgaard", "Højgaard Biotek Anpartsselskab")
q(L, "hojgaard", "Højgaard Biotek")

party("sondergaard", LE, "DK", ("Søndergaard Elektronik A/S", "Latn"))
q(L, "sondergaard", "Søndergaard Elektronik AS")
q(L, "sondergaard", "Søndergaard Elektronik Aktieselskab")
q(L, "sondergaard", "Søndergaard Elektronik")

party("kalliomaki", LE, "FI", ("Kalliomäki Teknologia Oy", "Latn"))
q(L, "kalliomaki", "Kalliomäki Teknologia Osakeyhtiö")
q(L, "kalliomaki", "Kalliomäki Teknologia Ltd")
q(L, "kalliomaki", "Kalliomäki Teknologia")

party("severny", LE, "RU", ("ООО «Северный Ветер»", "Cyrl"), ("Severny Veter LLC", "Latn"))
q(L, "severny", "ООО Северный Ветер")
q(L, "severny", "Общество с ограниченной ответственностью «Северный Ветер»")
q(L, "severny", "OOO Severny Veter")
q(L, "severny", "Severny Veter, Limited Liability Company")
q(L, "severny", "Северный Ветер")

party("uralmekh", LE, "RU", ("АО «Уралмехпром»", "Cyrl"), ("Uralmekhprom JSC", "Latn"))
q(L, "uralmekh", "Акционерное общество «Уралмехпром»")
q(L, "uralmekh", "AO Uralmekhprom")
q(L, "uralmekh", "Uralmekhprom Joint Stock Company")

party("sibkvarts", LE, "RU", ("ПАО «Сибирский Кварц»", "Cyrl"), ("Sibirsky Kvarts PJSC", "Latn"))
q(L, "sibkvarts", "Публичное акционерное общество «Сибирский Кварц»")
q(L, "sibkvarts", "PAO Sibirsky Kvarts")
q(L, "sibkvarts", "Sibirsky Kvarts Public Joint Stock Company")
q(L, "sibkvarts", "ПАО Сибирский Кварц")

party("dniproagro", LE, "UA", ("ТОВ «Дніпроагросервіс»", "Cyrl"), ("Dniproahroservis LLC", "Latn"))
q(L, "dniproagro", "TOV Dniproahroservis")
q(L, "dniproagro", "Товариство з обмеженою відповідальністю «Дніпроагросервіс»")
q(L, "dniproagro", "Dniproahroservis, Limited Liability Company")
q(L, "dniproagro", "Дніпроагросервіс, ТОВ")

party("marchetti", LE, "FR", ("Société des Ateliers Marchetti", "Latn"))
q(L, "marchetti", "Ste des Ateliers Marchetti")
q(L, "marchetti", "Sté des Ateliers Marchetti")
q(L, "marchetti", "STE DES ATELIERS MARCHETTI")

party("duval", LE, "LU", ("Duval Conseil S.à r.l.", "Latn"))
q(L, "duval", "Duval Conseil SARL")
q(L, "duval", "Duval Conseil S.a.r.l.")
q(L, "duval", "Duval Conseil Société à responsabilité limitée")
q(L, "duval", "Duval Conseil")

party("wrzos", LE, "PL", ("Fabryka Maszyn Wrzos Sp. z o.o.", "Latn"))
q(L, "wrzos", "Fabryka Maszyn Wrzos spółka z ograniczoną odpowiedzialnością")
q(L, "wrzos", "Fabryka Maszyn Wrzos Sp. z.o.o.")
q(L, "wrzos", "Fabryka Maszyn Wrzos sp. z o. o.")
q(L, "wrzos", "Fabryka Maszyn Wrzos Spzoo")

party("vltava", LE, "CZ", ("Vltava Strojírny s.r.o.", "Latn"))
q(L, "vltava", "Vltava Strojírny spol. s r.o.")
q(L, "vltava", "Vltava Strojírny sro")
q(L, "vltava", "Vltava Strojírny společnost s ručením omezeným")

party("brandt", LE, "DE", ("Brandt Antriebstechnik GmbH & Co. KG", "Latn"))
q(L, "brandt", "Brandt Antriebstechnik GmbH u. Co. KG")
q(L, "brandt", "Brandt Antriebstechnik GmbH & Co KG")
q(L, "brandt", "Brandt Antriebstechnik GmbH und Co. KG")
q(L, "brandt", "Brandt Antriebstechnik GmbH&Co.KG")

party("keller", LE, "DE", ("Keller Feinmechanik GmbH", "Latn"))
q(L, "keller", "Keller Feinmechanik Gesellschaft mit beschränkter Haftung")
q(L, "keller", "Keller Feinmechanik G.m.b.H.")
q(L, "keller", "Keller Feinmechanik")

party("vanderberg", LE, "NL", ("Van der Berg Coatings B.V.", "Latn"))
q(L, "vanderberg", "Van der Berg Coatings BV")
q(L, "vanderberg", "Van der Berg Coatings Besloten Vennootschap")
q(L, "vanderberg", "Van der Berg Coatings")

party("kaasmakerij", LE, "NL", ("Hollandse Kaasmakerij N.V.", "Latn"))
q(L, "kaasmakerij", "Hollandse Kaasmakerij NV")
q(L, "kaasmakerij", "Hollandse Kaasmakerij Naamloze Vennootschap")

party("bonfanti", LE, "IT", ("Bonfanti Meccanica S.p.A.", "Latn"))
q(L, "bonfanti", "Bonfanti Meccanica SpA")
q(L, "bonfanti", "Bonfanti Meccanica Società per Azioni")
q(L, "bonfanti", "Bonfanti Meccanica S.P.A.")

party("lombardi", LE, "IT", ("Lombardi Tessuti S.r.l.", "Latn"))
q(L, "lombardi", "Lombardi Tessuti Srl")
q(L, "lombardi", "Lombardi Tessuti Società a responsabilità limitata")
q(L, "lombardi", "Lombardi Tessuti s.r.l.")

party("alfakimya", LE, "TR", ("Alfa Kimya Sanayi A.Ş.", "Latn"))
q(L, "alfakimya", "Alfa Kimya Sanayi AŞ")
q(L, "alfakimya", "Alfa Kimya Sanayi Anonim Şirketi")
q(L, "alfakimya", "Alfa Kimya Sanayi A.S.")

party("ibarra", LE, "ES", ("Construcciones Ibarra S.L.", "Latn"))
q(L, "ibarra", "Construcciones Ibarra SL")
q(L, "ibarra", "Construcciones Ibarra Sociedad Limitada")

# ---------------------------------------------------------------- person_typos
T = "person_typos"
for key, country, script, stored, typos in [
    ("hoffmann", "DE", "Latn", "Margarethe Hoffmann", ["Margarethe Hoffmnan", "Margarehte Hoffmann"]),
    ("lefebvre", "FR", "Latn", "Sébastien Lefebvre", ["Sébastien Lefevbre", "Sébastein Lefebvre"]),
    ("bernardini", "IT", "Latn", "Giulia Bernardini", ["Giulia Bernadini", "Guilia Bernardini"]),
    ("wisniewski", "PL", "Latn", "Tomasz Wiśniewski", ["Tomasz Wiśniewksi", "Tomsz Wiśniewski"]),
    ("baumgartner", "DE", "Latn", "Anneliese Baumgartner", ["Anneliese Baumgarnter", "Annelise Baumgartner"]),
    ("albuquerque", "BR", "Latn", "Rodrigo Albuquerque", ["Rodrigo Albuquerqe", "Rodirgo Albuquerque"]),
    ("whitmore", "GB", "Latn", "Catherine Whitmore", ["Catherine Whitmoore", "Cathrine Whitmore"]),
    ("etxeberria", "ES", "Latn", "Francisco Javier Etxeberria", ["Francisco Javier Etxeberia", "Francisco Jaiver Etxeberria"]),
    ("prochazkova", "CZ", "Latn", "Kristýna Procházková", ["Kristýna Procházkvá", "Kristýna Prochákzová"]),
    ("yildirimoglu", "TR", "Latn", "Mehmet Yıldırımoğlu", ["Mehmet Yıldırmoğlu", "Mehmte Yıldırımoğlu"]),
    ("bergstrom", "SE", "Latn", "Ingrid Bergström", ["Ingrid Bergsrtöm", "Ingird Bergström"]),
    ("pemberton", "US", "Latn", "Nathaniel Pemberton", ["Nathaniel Pemberten", "Nathaneil Pemberton"]),
    ("smirnova", "RU", "Cyrl", "Смирнова Екатерина Павловна", ["Смирнова Екатерина Палвовна", "Смирновва Екатерина Павловна"]),
    ("anastasiou", "GR", "Grek", "Δημήτριος Αναστασίου", ["Δημήτρος Αναστασίου", "Δημήτριος Αναστασσίου"]),
    ("vasconcelos", "BR", "Latn", "Pedro Henrique Vasconcelos", ["Pedro Henrique Vasconselos", "Pedro Henrqiue Vasconcelos"]),
]:
    party(key, NP, country, (stored, script))
    for t in typos:
        q(T, key, t)
party("takahashi", NP, "JP", ("高橋 健太", "Jpan"), ("Takahashi Kenta", "Latn"))
q(T, "takahashi", "Takahashi Kneta")
q(T, "takahashi", "Takahashhi Kenta")

# ---------------------------------------------------------------- initials
I = "initials"
party("kuzmin", NP, "RU", ("Кузьмин Андрей Сергеевич", "Cyrl"), ("Kuzmin Andrei Sergeevich", "Latn"))
q(I, "kuzmin", "Kuzmin A. S.")
q(I, "kuzmin", "A.S. Kuzmin")
q(I, "kuzmin", "Кузьмин А. С.")
q(I, "kuzmin", "Кузьмин А.С.")
q(I, "kuzmin", "Kuzmin A S")
party("venkataraman", NP, "IN", ("Subramanian Venkataraman", "Latn"))
q(I, "venkataraman", "S. Venkataraman")
q(I, "venkataraman", "S Venkataraman")
q(I, "venkataraman", "Venkataraman S.")
party("jpmartin", NP, "FR", ("Jean-Pierre Martin", "Latn"))
q(I, "jpmartin", "J.-P. Martin")
q(I, "jpmartin", "JP Martin")
q(I, "jpmartin", "J-P Martin")
q(I, "jpmartin", "Martin J.-P.")
party("vogelsang", NP, "DE", ("Hans-Jürgen Vogelsang", "Latn"))
q(I, "vogelsang", "H.-J. Vogelsang")
q(I, "vogelsang", "H. J. Vogelsang")
q(I, "vogelsang", "Vogelsang, H.-J.")
party("gutierrez", NP, "ES", ("María Teresa Gutiérrez Olmedo", "Latn"))
q(I, "gutierrez", "M. T. Gutiérrez Olmedo")
q(I, "gutierrez", "M.T. Gutiérrez Olmedo")
q(I, "gutierrez", "Gutiérrez Olmedo, M. T.")
party("belova", NP, "RU", ("Белова Ольга Викторовна", "Cyrl"))
q(I, "belova", "Белова О. В.")
q(I, "belova", "O. V. Belova")
q(I, "belova", "Belova O.V.")
party("thornbury", NP, "GB", ("William Edward Thornbury", "Latn"))
q(I, "thornbury", "W. E. Thornbury")
q(I, "thornbury", "William E. Thornbury")
q(I, "thornbury", "Thornbury W E")
party("zielinska", NP, "PL", ("Anna Katarzyna Zielińska", "Latn"))
q(I, "zielinska", "A. K. Zielińska")
q(I, "zielinska", "Anna K. Zielińska")
party("iyengar", NP, "IN", ("Rajendra Prasad Iyengar", "Latn"))
q(I, "iyengar", "R. P. Iyengar")
q(I, "iyengar", "Rajendra P. Iyengar")
party("duboislemaire", NP, "FR", ("Pierre-Alexandre Dubois-Lemaire", "Latn"))
q(I, "duboislemaire", "P.-A. Dubois-Lemaire")
q(I, "duboislemaire", "PA Dubois-Lemaire")

# ---------------------------------------------------------------- diacritic_twins
D = "diacritic_twins"
party("hung", NP, "VN", ("Nguyễn Văn Hùng", "Latn"))
party("hung2", NP, "VN", ("Nguyễn Văn Hưng", "Latn"))
q(D, "hung", "Nguyễn Văn Hùng")
q(D, "hung2", "Nguyễn Văn Hưng")
q(D, "hung", nfd("Nguyễn Văn Hùng"))        # decomposed (NFD) form of the stored spelling
q(D, "hung2", nfd("Nguyễn Văn Hưng"))       # decomposed (NFD) form of the stored spelling
q(D, "hung", "NGUYỄN VĂN HÙNG")
q(D, None, "Nguyen Van Hung", kind=NP, country="VN")

party("lan", NP, "VN", ("Trần Thị Lan", "Latn"))
party("lan2", NP, "VN", ("Trần Thị Lân", "Latn"))
q(D, "lan", "Trần Thị Lan")
q(D, "lan2", "Trần Thị Lân")
q(D, None, "Tran Thi Lan", kind=NP, country="VN")

party("duc", NP, "VN", ("Lê Minh Đức", "Latn"))
party("duc2", NP, "VN", ("Lê Minh Dục", "Latn"))
q(D, "duc", "Lê Minh Đức")
q(D, "duc2", "Lê Minh Dục")
q(D, None, "Le Minh Duc", kind=NP, country="VN")

party("thang", NP, "VN", ("Hoàng Văn Thắng", "Latn"))
party("thang2", NP, "VN", ("Hoàng Văn Thăng", "Latn"))
q(D, "thang", "Hoàng Văn Thắng")
q(D, "thang2", "Hoàng Văn Thăng")
q(D, None, "Hoang Van Thang", kind=NP, country="VN")

party("hoa", NP, "VN", ("Nguyễn Thị Hoà", "Latn"))
party("hoa2", NP, "VN", ("Nguyễn Thị Hoa", "Latn"))
q(D, "hoa", "Nguyễn Thị Hoà")
q(D, "hoa2", "Nguyễn Thị Hoa")
q(D, "hoa", "Nguyễn Thị Hòa")              # the same name with the tone mark on the other vowel
q(D, None, "Nguyen Thi Hoa", kind=NP, country="VN")

party("sirma", NP, "TR", ("Sırma Aydın", "Latn"))
party("sirma2", NP, "TR", ("Sirma Aydın", "Latn"))
q(D, "sirma", "Sırma Aydın")
q(D, "sirma2", "Sirma Aydın")
q(D, "sirma2", "SİRMA AYDIN")               # Turkish capital dotted İ
q(D, None, "Sirma Aydin", kind=NP, country="TR")

party("malek", NP, "PL", ("Joanna Małek", "Latn"))
party("malek2", NP, "PL", ("Joanna Malek", "Latn"))
q(D, "malek", "Joanna Małek")
q(D, "malek2", "Joanna Malek")
q(D, "malek", "JOANNA MAŁEK")
party("laski", NP, "PL", ("Piotr Łaski", "Latn"))
party("laski2", NP, "PL", ("Piotr Laski", "Latn"))
q(D, "laski", "Piotr Łaski")
q(D, "laski2", "Piotr Laski")
q(D, "laski", "PIOTR ŁASKI")

party("pena", NP, "ES", ("Luis Peña", "Latn"))
party("pena2", NP, "ES", ("Luis Pena", "Latn"))
q(D, "pena", "Luis Peña")
q(D, "pena2", "Luis Pena")
q(D, "pena", "LUIS PEÑA")

# ---------------------------------------------------------------- transliterated_legal_name
X = "transliterated_legal_name"
party("aoba", LE, "JP", ("株式会社浜風製作所", "Jpan"))
q(X, "aoba", "Kabushiki Kaisha Hamakaze Seisakusho")
q(X, "aoba", "Hamakaze Seisakusho Co., Ltd.")
q(X, "aoba", "Hamakaze Seisakusyo K.K.")                          # Kunrei

party("kitagawa", LE, "JP", ("Kitagawa Denki Kogyo Co., Ltd.", "Latn"))
q(X, "kitagawa", "北川電気工業株式会社")
q(X, "kitagawa", "Kitagawa Denki Kōgyō K.K.")

party("tsubasa", LE, "JP", ("株式会社つばさ物流", "Jpan"))
q(X, "tsubasa", "Tsubasa Butsuryu Co., Ltd.")
q(X, "tsubasa", "Tsubasa Butsuryū K.K.")
q(X, "tsubasa", "Tubasa Buturyû Kabusiki Kaisya")             # Kunrei

party("tekhnoprom", LE, "RU", ("ООО «Технопром-Сервис»", "Cyrl"))
q(X, "tekhnoprom", "OOO Tekhnoprom-Servis")
q(X, "tekhnoprom", "Tekhnoprom-Servis LLC")
q(X, "tekhnoprom", "OOO Technoprom-Servis")

party("kristall", LE, "RU", ("Kristall Optika JSC", "Latn"))
q(X, "kristall", "АО «Кристалл Оптика»")
q(X, "kristall", "Кристалл Оптика")

party("thessaliki", LE, "GR", ("Θεσσαλική Κεραμική Α.Ε.", "Grek"))
q(X, "thessaliki", "Thessaliki Keramiki A.E.")                # ELOT 743
q(X, "thessaliki", "Thessaliki Keramiki S.A.")
q(X, "thessaliki", "Thessaliki Keramiki AE")

party("riyadhmetal", LE, "SA", ("شركة الرياض للصناعات المعدنية", "Arab"))
q(X, "riyadhmetal", "Sharikat al-Riyāḍ lil-Ṣināʿāt al-Maʿdanīyah")
q(X, "riyadhmetal", "Sharikat Al Riyadh Lilsinaat Almaadaniya")

party("saebom", LE, "KR", ("주식회사 새봄바이오", "Kore"))
q(X, "saebom", "Saebom Bio Co., Ltd.")
q(X, "saebom", "Jusikhoesa Saebom Bio")                       # Revised Romanization
q(X, "saebom", "Saebom Bio")

party("xingchen", LE, "CN", ("北京星辰软件有限公司", "Hans"))
q(X, "xingchen", "Beijing Xingchen Ruanjian Youxian Gongsi")
q(X, "xingchen", "Beijing Xingchen Ruanjian Co., Ltd.")

party("tianhe", LE, "CN", ("Guangzhou Tianhe Jixie Co., Ltd.", "Latn"))
q(X, "tianhe", "广州天河机械有限公司")

party("oren", LE, "IL", ("אורן טכנולוגיות בע״מ", "Hebr"))
q(X, "oren", "Oren Technologies Ltd")
q(X, "oren", "Oren Tekhnologiyot Ba'am")

party("siamplastic", LE, "TH", ("บริษัท สยามพลาสติก จำกัด", "Thai"))
q(X, "siamplastic", "Siam Plastic Co., Ltd.")
q(X, "siamplastic", "Borisat Siam Plastic Chamkat")

party("poltava", LE, "UA", ("ТОВ «Полтавські Млини»", "Cyrl"))
q(X, "poltava", "TOV Poltavski Mlyny")                        # Ukrainian national 2010
q(X, "poltava", "Poltavski Mlyny LLC")

party("bharat", LE, "IN", ("Bharat Yantra Nirman Private Limited", "Latn"))
q(X, "bharat", "भारत यंत्र निर्माण प्राइवेट लिमिटेड")

# ---------------------------------------------------------------- cross_script
C = "cross_script"
party("morozov", NP, "RU", ("Морозов Дмитрий Павлович", "Cyrl"))
q(C, "morozov", "Morozov Dmitrii Pavlovich")                  # ICAO 9303
q(C, "morozov", "Dmitriy Pavlovich Morozov")                  # BGN/PCGN
party("vasilenko", NP, "RU", ("Igor Vasilenko", "Latn"))
q(C, "vasilenko", "Игорь Василенко")
q(C, "vasilenko", "Василенко Игорь")
party("karagiannis", NP, "GR", ("Νικόλαος Καραγιάννης", "Grek"))
q(C, "karagiannis", "Nikolaos Karagiannis")                   # ELOT 743
q(C, "karagiannis", "Nikolaos Karayannis")                    # phonetic
party("mavridou", NP, "GR", ("Eleni Mavridou", "Latn"))
q(C, "mavridou", "Ελένη Μαυρίδου")
party("alqahtani", NP, "SA", ("نورة عبدالله القحطاني", "Arab"))
q(C, "alqahtani", "Noura Abdullah Al-Qahtani")
q(C, "alqahtani", "Nora Abdallah Alqahtani")
party("alotaibi", NP, "SA", ("Faisal Al-Otaibi", "Latn"))
q(C, "alotaibi", "فيصل العتيبي")
party("berkovich", NP, "IL", ("יעל ברקוביץ", "Hebr"))
q(C, "berkovich", "Yael Berkovich")
q(C, "berkovich", "Yael Berkowitz")
party("nattawut", NP, "TH", ("ณัฐวุฒิ ศรีสุข", "Thai"))
q(C, "nattawut", "Nattawut Srisuk")                           # common
q(C, "nattawut", "Natthawut Sisuk")                           # RTGS
party("verma", NP, "IN", ("अंकित वर्मा", "Deva"))
q(C, "verma", "Ankit Verma")
q(C, "verma", "Ankit Varma")
party("jeonghaneul", NP, "KR", ("정하늘", "Kore"))
q(C, "jeonghaneul", "Jeong Haneul")                           # Revised Romanization
q(C, "jeonghaneul", "Chŏng Ha-nŭl")                           # McCune–Reischauer
q(C, "jeonghaneul", "Chung Ha-neul")                          # customary
party("parksoomin", NP, "KR", ("Park Soo-min", "Latn"))
q(C, "parksoomin", "박수민")
party("nakamura", NP, "JP", ("中村 美咲", "Jpan"))
q(C, "nakamura", "Nakamura Misaki")
q(C, "nakamura", "Misaki Nakamura")
party("matsumoto", NP, "JP", ("Kenji Matsumoto", "Latn"))
q(C, "matsumoto", "松本 健二")
q(C, "matsumoto", "まつもと けんじ")
party("huangjiayi", NP, "CN", ("黄嘉怡", "Hans"))
q(C, "huangjiayi", "Huang Jiayi")
q(C, "huangjiayi", "Huáng Jiāyí")
party("zhangweidong", NP, "CN", ("Zhang Weidong", "Latn"))
q(C, "zhangweidong", "张卫东")
party("oliinyk", NP, "UA", ("Олійник Тарас Богданович", "Cyrl"))
q(C, "oliinyk", "Oliinyk Taras Bohdanovych")                  # Ukrainian national 2010
q(C, "oliinyk", "Taras Oliynyk")                              # BGN/PCGN
party("jovanovic", NP, "RS", ("Милош Јовановић", "Cyrl"))
q(C, "jovanovic", "Miloš Jovanović")                          # Serbian Latin alphabet
q(C, "jovanovic", "Milos Jovanovic")
party("petrosyan", NP, "AM", ("Արամ Պետրոսյան", "Armn"))
q(C, "petrosyan", "Aram Petrosyan")                           # BGN/PCGN
q(C, "petrosyan", "Aram Petrossian")                          # French style
party("beridze", NP, "GE", ("გიორგი ბერიძე", "Geor"))
q(C, "beridze", "Giorgi Beridze")                             # Georgian national system

# ---------------------------------------------------------------- latin_variants
V = "latin_variants"
party("harrington", LE, "GB", ("Harrington & Wolfe Engineering Ltd", "Latn"))
q(V, "harrington", "Harrington and Wolfe Engineering Ltd")
q(V, "harrington", "HARRINGTON & WOLFE ENGINEERING LTD")
q(V, "harrington", "Harrington & Wolfe Engineering Ltd.")
q(V, "harrington", "Harrington&Wolfe Engineering Ltd")
party("osullivan", LE, "US", ("O'Sullivan Marine Systems Inc.", "Latn"))
q(V, "osullivan", "OSullivan Marine Systems Inc")
q(V, "osullivan", "O Sullivan Marine Systems, Inc.")
q(V, "osullivan", "o'sullivan marine systems inc.")
party("fitzgerald", NP, "US", ("Mary-Ellen Fitzgerald", "Latn"))
q(V, "fitzgerald", "FITZGERALD Mary-Ellen")
q(V, "fitzgerald", "Fitzgerald, Mary-Ellen")
q(V, "fitzgerald", "Mary Ellen Fitzgerald")
q(V, "fitzgerald", "MaryEllen FitzGerald")
party("weberlindner", LE, "DE", ("Weber-Lindner Präzisionstechnik AG", "Latn"))
q(V, "weberlindner", "Weber Lindner Präzisionstechnik AG")
q(V, "weberlindner", "WEBER-LINDNER PRÄZISIONSTECHNIK AG")
party("duboischevalier", NP, "FR", ("Laurent Dubois-Chevalier", "Latn"))
q(V, "duboischevalier", "DUBOIS-CHEVALIER Laurent")
q(V, "duboischevalier", "Dubois Chevalier, Laurent")
q(V, "duboischevalier", "laurent dubois-chevalier")
party("smithbarnes", LE, "GB", ("Smith, Barnes and Partners LLP", "Latn"))
q(V, "smithbarnes", "Smith Barnes & Partners LLP")
q(V, "smithbarnes", "SMITH, BARNES AND PARTNERS LLP")
party("fernandez", NP, "ES", ("José Luis Fernández Ortega", "Latn"))
q(V, "fernandez", "FERNÁNDEZ ORTEGA, José Luis")
q(V, "fernandez", "Fernández Ortega José Luis")
q(V, "fernandez", "José-Luis Fernández Ortega")
party("standrews", LE, "GB", ("St. Andrew's Biomedical Research Institute", "Latn"))
q(V, "standrews", "Saint Andrew's Biomedical Research Institute")
q(V, "standrews", "St Andrews Biomedical Research Institute")
q(V, "standrews", "ST. ANDREW'S BIOMEDICAL RESEARCH INSTITUTE")
party("kohler", NP, "DE", ("Anna-Lena Köhler", "Latn"))
q(V, "kohler", "KÖHLER, Anna-Lena")
q(V, "kohler", "Köhler Anna Lena")
party("greenfield", LE, "US", ("The Greenfield Seed Company", "Latn"))
q(V, "greenfield", "Greenfield Seed Company")
q(V, "greenfield", "Greenfield Seed Company, The")
q(V, "greenfield", "GREENFIELD SEED CO.")
party("rossifigli", LE, "IT", ("Rossi & Figli S.r.l.", "Latn"))
q(V, "rossifigli", "Rossi e Figli S.r.l.")
q(V, "rossifigli", "ROSSI & FIGLI S.R.L.")

# ---------------------------------------------------------------- absent (expected null)
A = "absent"
for kind, country, name in [
    (NP, "RU", "Щеглов Аркадий Тимофеевич"),
    (NP, "RU", "Shcheglov Arkadii Timofeevich"),
    (LE, "JP", "株式会社ホクト工機"),
    (LE, "JP", "Hokuto Koki K.K."),
    (LE, "KR", "주식회사 다온소재"),
    (LE, "CN", "成都蓝海光电有限公司"),
    (NP, "VN", "Nguyễn Văn Hưởng"),
    (NP, "PL", "Joanna Malewska"),
    (NP, "TR", "Sırma Aydemir"),
    (NP, "GR", "Κωνσταντίνα Οικονόμου"),
    (NP, "SA", "Fatimah Al-Harbi"),
    (NP, "KR", "김민서"),
    (NP, "JP", "Satō Shōhei"),
    (NP, "CN", "Wang Xiaoling"),
    (LE, "DE", "Brandt Antriebstechnik Verwaltungs-GmbH"),
    (LE, "SE", "Lindqvist Verktyg Holding AB"),
    (LE, "FR", "Société des Ateliers Marchand"),
    (LE, "LU", "Duval Ingénierie S.à r.l."),
    (NP, "UA", "Kovalenko Yuliia"),
    (LE, "GB", "Harrington & Wolfe Consulting Ltd"),
    (NP, "DE", "Margarethe Hoffmeister"),
    (NP, "IT", "Giulia Bernardi"),
    (NP, "CN", "Chen Zhiming"),
    (LE, "JP", "Tsubasa Unyu Co., Ltd."),
    (LE, "IL", "Oren Systems Ltd"),
    (LE, "RU", "ООО «Южный Ветер»"),
    (NP, "SA", "Mohammed Abdulaziz Al-Harbi"),
    (NP, "IN", "Rajesh Kumar Verma"),
    (LE, "NO", "Nordvik Fisk AS"),
    (NP, "KR", "Lee Seo-jin"),
    (NP, "FR", "Patrick Dubois-Lemaire"),
    (LE, "GR", "Thessaliki Ypodomes A.E."),
    (LE, "IT", "Bonfanti Arredamenti S.p.A."),
]:
    q(A, None, name, kind=kind, country=country)

# ---------------------------------------------------------------- near_miss (both parties loaded)
N = "near_miss"
party("kuznetsov", NP, "RU", ("Кузнецов Евгений Олегович", "Cyrl"))
party("kuznetsova", NP, "RU", ("Кузнецова Евгения Олеговна", "Cyrl"))
q(N, "kuznetsov", "Kuznetsov Evgenii Olegovich")
q(N, "kuznetsova", "Kuznetsova Evgeniia Olegovna")
q(N, "kuznetsova", "Кузнецова Евгения Олеговна")
q(N, "kuznetsov", "Кузнецов Евгений Олегович")
party("dvorak", NP, "CZ", ("Jan Dvořák", "Latn"))
party("dvorakova", NP, "CZ", ("Jana Dvořáková", "Latn"))
q(N, "dvorakova", "Jana Dvořáková")
q(N, "dvorak", "Jan Dvorak")
q(N, "dvorakova", "Jana Dvorakova")
party("falkenried", LE, "DE", ("Falkenried Kunststofftechnik GmbH", "Latn"))
party("falkenried2", LE, "DE", ("Falkenried Metalltechnik GmbH", "Latn"))
q(N, "falkenried", "FALKENRIED KUNSTSTOFFTECHNIK GMBH")
q(N, "falkenried2", "Falkenried Metalltechnik GmbH")
q(N, "falkenried2", "Falkenried Metalltechnik")
party("aurora_se", LE, "SE", ("Aurora Biotek Norrland AB", "Latn"))
party("aurora_no", LE, "NO", ("Aurora Biotek Norrland AS", "Latn"))
q(N, "aurora_se", "Aurora Biotek Norrland AB")
q(N, "aurora_no", "Aurora Biotek Norrland AS")
q(N, "aurora_se", "Aurora Biotek Norrland Aktiebolag")
q(N, "aurora_no", "Aurora Biotek Norrland")
party("tanakahiroshi", NP, "JP", ("田中 博", "Jpan"), ("Tanaka Hiroshi", "Latn"))
party("tanakahiroko", NP, "JP", ("田中 裕子", "Jpan"), ("Tanaka Hiroko", "Latn"))
q(N, "tanakahiroshi", "TANAKA Hiroshi")
q(N, "tanakahiroko", "田中 裕子")
q(N, "tanakahiroko", "Hiroko Tanaka")
party("leejunho", NP, "KR", ("이준호", "Kore"), ("Lee Jun-ho", "Latn"))
party("leejunhyeok", NP, "KR", ("이준혁", "Kore"), ("Lee Jun-hyeok", "Latn"))
q(N, "leejunho", "Lee Junho")
q(N, "leejunhyeok", "Lee Jun-hyeok")
q(N, "leejunhyeok", "이준혁")
party("liminghua", NP, "CN", ("李明华", "Hans"), ("Li Minghua", "Latn"))
party("liminghui", NP, "CN", ("李明辉", "Hans"), ("Li Minghui", "Latn"))
q(N, "liminghua", "Li Minghua")
q(N, "liminghui", "LI Minghui")
q(N, "liminghui", "李明辉")
party("mansouri", NP, "AE", ("أحمد المنصوري", "Arab"), ("Ahmed Al-Mansouri", "Latn"))
party("mansour", NP, "AE", ("أحمد المنصور", "Arab"), ("Ahmed Al-Mansour", "Latn"))
q(N, "mansouri", "Ahmed Al Mansouri")
q(N, "mansour", "Ahmad Al-Mansour")
party("papadakis", NP, "GR", ("Γεώργιος Παπαδάκης", "Grek"))
party("papadaki", NP, "GR", ("Γεωργία Παπαδάκη", "Grek"))
q(N, "papadakis", "Georgios Papadakis")                       # ELOT 743
q(N, "papadaki", "Georgia Papadaki")                          # ELOT 743
party("hanseatic_gmbh", LE, "DE", ("Hanseatic Kühllogistik GmbH", "Latn"))
party("hanseatic_ag", LE, "DE", ("Hanseatic Kühllogistik AG", "Latn"))
q(N, "hanseatic_ag", "Hanseatic Kühllogistik AG")
q(N, "hanseatic_gmbh", "Hanseatic Kühllogistik GmbH")
party("montanari_a", NP, "IT", ("Federica Montanari", "Latn"))
party("montanari_o", NP, "IT", ("Federico Montanari", "Latn"))
q(N, "montanari_o", "Federico Montanari")
q(N, "montanari_a", "FEDERICA MONTANARI")


# ---------------------------------------------------------------- write
def main():
    here = os.path.dirname(os.path.abspath(__file__))
    labels = {}
    with open(os.path.join(here, "identities.jsonl"), "w", encoding="utf-8") as f:
        for i, (key, kind, country, names) in enumerate(parties, 1):
            labels[key] = f"F{i:04d}"
            rec = {"label": labels[key], "kind": kind, "country": country,
                   "names": [{"text": t, "script": s} for t, s in names], "identifiers": []}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(here, "queries.jsonl"), "w", encoding="utf-8") as f:
        for i, (cat, key, kind, country, names) in enumerate(queries, 1):
            rec = {"id": f"FQ{i:04d}", "category": cat, "kind": kind, "country": country,
                   "names": names, "expected": labels[key] if key else None}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(parties)} identities, {len(queries)} queries")


if __name__ == "__main__":
    main()
