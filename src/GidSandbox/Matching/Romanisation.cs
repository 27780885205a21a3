using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AnyAscii;
using GidSandbox.Identities;
using ICU4N.Text;

namespace GidSandbox.Matching;

/// <summary>
/// The Latin spellings offices write a non-Latin name in (docs/matching.md, "Romanisations"): each
/// scheme's spelling becomes one more reading of the name (<see cref="NameStandardization.Readings"/>),
/// so a query written in any of them meets the stored name exactly. The schemes are ICU
/// transliterators (<c>Greek-Latin/UNGEGN</c>, <c>Hiragana-Latin</c>, <c>Han-Latin/Names</c>) and
/// ICU rule sets of the national schemes below (<see cref="Transliterator.CreateFromRules"/>);
/// Hangul is composed from its letters (jamo) by table, as both Korean schemes are defined.
/// <see cref="Fold"/> then folds the differences the schemes leave, for the romanisation-folded key.
/// </summary>
public static partial class Romanisation
{
    /// <summary>The scheme name of the romanisation-folded reading.</summary>
    public const string Folded = "folded";

    /// <summary>One Latin spelling of a name under a named scheme.</summary>
    public sealed record Spelling(string Scheme, string Text);

    private const string CyrillicVowels = "$v = [аеёиоуыэюяєіїaeiou] ; $nl = [^[:L:]] ;";

    // Russian as Russian passports write it (ICAO Doc 9303, 2013).
    private const string RussianPassport = """
        а > a ; б > b ; в > v ; г > g ; д > d ; е > e ; ё > e ; ж > zh ; з > z ; и > i ; й > i ; к > k ; л > l ; м > m ;
        н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ; х > kh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ;
        ъ > ie ; ы > y ; ь > ; э > e ; ю > iu ; я > ia ;
        """;

    // Russian in BGN/PCGN (1947), the English-language usage, apostrophes for the signs left out.
    private const string RussianBgn = CyrillicVowels + """
        ь } е > y ; ъ } е > y ; ь > ; ъ > ;
        $nl { е > ye ; $v { е > ye ; е > e ;
        h { ё > o ; $nl { ё > yo ; $v { ё > yo ; ё > yo ;
        ий } $nl > iy ; ый } $nl > yy ;
        а > a ; б > b ; в > v ; г > g ; д > d ; ж > zh ; з > z ; и > i ; й > y ; к > k ; л > l ; м > m ; н > n ; о > o ;
        п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ; х > kh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ; ы > y ; э > e ;
        ю > yu ; я > ya ;
        """;

    // Russian as German writes it (Duden): w for в, sch, tsch, schtsch, ch for х, z for ц, s for з, j for й.
    private const string RussianGerman = CyrillicVowels + """
        ь } [юяё] > ; ь } [еи] > j ; ь > ; ъ > ;
        $nl { е > je ; $v { е > je ; е > e ;
        h { ё > o ; $nl { ё > jo ; $v { ё > jo ; ё > jo ;
        ий } $nl > i ; ый } $nl > y ; й } [бвгджзклмнпрстфхцчшщ] > i ;
        $v { с } $v > ss ;
        а > a ; б > b ; в > w ; г > g ; д > d ; ж > sch ; з > s ; и > i ; й > j ; к > k ; л > l ; м > m ; н > n ; о > o ;
        п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ; х > ch ; ц > z ; ч > tsch ; ш > sch ; щ > schtsch ; ы > y ; э > e ;
        ю > ju ; я > ja ;
        """;

    // Russian as French writes it: ou for у, ch for ш, tch for ч, j for ж, gu before e and i, a final -ин -ine (Poutine).
    private const string RussianFrench = CyrillicVowels + """
        $f = [аеёиоыэюяaeio] ;
        ь > ; ъ > ;
        $f { е > ie ; е > e ; ё > io ;
        ий } $nl > i ; ый } $nl > y ; ин } $nl > ine ; ын } $nl > yne ;
        $v { с } $v > ss ;
        г } [еиы] > gu ;
        а > a ; б > b ; в > v ; г > g ; д > d ; ж > j ; з > z ; и > i ; й > i ; к > k ; л > l ; м > m ; н > n ; о > o ;
        п > p ; р > r ; с > s ; т > t ; у > ou ; ф > f ; х > kh ; ц > ts ; ч > tch ; ш > ch ; щ > chtch ; ы > y ; э > e ;
        ю > iou ; я > ia ;
        """;

    // Russian in the scholarly (scientific) transliteration: š, č, ž, šč, x, c, j.
    private const string RussianScholarly = """
        а > a ; б > b ; в > v ; г > g ; д > d ; е > e ; ё > ë ; ж > ž ; з > z ; и > i ; й > j ; к > k ; л > l ; м > m ;
        н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ; х > x ; ц > c ; ч > č ; ш > š ; щ > šč ;
        ъ > ; ы > y ; ь > ; э > è ; ю > ju ; я > ja ;
        """;

    // Ukrainian as Ukrainian passports write it (Cabinet of Ministers resolution 55 of 2010).
    private const string UkrainianPassport = CyrillicVowels + """
        зг > zgh ; ь > ;
        $nl { є > ye ; є > ie ; $nl { ї > yi ; ї > i ; $nl { й > y ; й > i ; $nl { ю > yu ; ю > iu ; $nl { я > ya ; я > ia ;
        а > a ; б > b ; в > v ; г > h ; ґ > g ; д > d ; е > e ; ж > zh ; з > z ; и > y ; і > i ; к > k ; л > l ; м > m ;
        н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ; х > kh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ;
        ы > y ; э > e ; ё > yo ; ъ > ;
        """;

    // Ukrainian as German writes it.
    private const string UkrainianGerman = CyrillicVowels + """
        ь > ; є > je ; ї > ji ; й > j ; ю > ju ; я > ja ;
        $v { с } $v > ss ;
        а > a ; б > b ; в > w ; г > h ; ґ > g ; д > d ; е > e ; ж > sch ; з > s ; и > y ; і > i ; к > k ; л > l ; м > m ;
        н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ; х > ch ; ц > z ; ч > tsch ; ш > sch ; щ > schtsch ;
        ы > y ; э > e ; ё > jo ; ъ > ;
        """;

    // Belarusian in the national system (the instruction of 2007, as of 2023), which maps and passports of Belarus follow in
    // their Latin part: г h, х ch, ц c, ч č, ш š, ж ž, ў ŭ, a soft sign as an acute (ль ĺ), е ё ю я as je jo ju ja where
    // they start a syllable and ie io iu ia after a consonant (Voĺha Ciškievič, Jaŭhien Barodzič).
    private const string BelarusianNational = """
        $v = [аеёіоуыэюяaeiou] ; $nl = [^[:L:]] ; $j = [ў'ʼ’] ;
        дзь > dź ; зь > ź ; ль > ĺ ; нь > ń ; сь > ś ; ць > ć ; ь > ; $j { [ʼ'’] > ;
        $nl { е > je ; $v { е > je ; $j { е > je ; е > ie ; $nl { ё > jo ; $v { ё > jo ; $j { ё > jo ; ё > io ;
        $nl { ю > ju ; $v { ю > ju ; $j { ю > ju ; ю > iu ; $nl { я > ja ; $v { я > ja ; $j { я > ja ; я > ia ;
        дж > dž ; дз > dz ;
        а > a ; б > b ; в > v ; г > h ; ґ > g ; д > d ; ж > ž ; з > z ; і > i ; й > j ; к > k ; л > l ; м > m ; н > n ;
        о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ў > ŭ ; ф > f ; х > ch ; ц > c ; ч > č ; ш > š ; ы > y ; э > e ;
        и > i ; щ > šč ; ъ > ;
        """;

    // Belarusian as Belarusian passports and records abroad write it in English letters: ў u, г h, х kh, ц ts, ы y,
    // е ё ю я as ye yo yu ya where they start a syllable, ie io iu ia after a consonant (Volha Tsishkevich, Yauhen).
    private const string BelarusianPassport = """
        $v = [аеёіоуыэюяaeiou] ; $nl = [^[:L:]] ; $j = [ў'ʼ’] ;
        ь > ; $j { [ʼ'’] > ;
        $nl { е > ye ; $v { е > ye ; $j { е > ye ; е > ie ; $nl { ё > yo ; $v { ё > yo ; $j { ё > yo ; ё > io ;
        $nl { ю > yu ; $v { ю > yu ; $j { ю > yu ; ю > iu ; $nl { я > ya ; $v { я > ya ; $j { я > ya ; я > ia ;
        дж > dzh ; дз > dz ;
        а > a ; б > b ; в > v ; г > h ; ґ > g ; д > d ; ж > zh ; з > z ; і > i ; й > i ; к > k ; л > l ; м > m ; н > n ;
        о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ў > u ; ф > f ; х > kh ; ц > ts ; ч > ch ; ш > sh ; ы > y ; э > e ;
        и > i ; щ > shch ; ъ > ;
        """;

    // A Belarusian word in the Russian form Russian-language records give it: ў в, і и, э е, ы after ш ж ч р и, дз and ц
    // before a soft vowel д and т (Цішкевіч Тишкевич), -скі -ский (Шыманскі Шиманский). The o that Belarusian writes a
    // for where it is not stressed is not guessed back.
    private const string BelarusianToRussian = """
        $nl = [^[:L:]] ; $soft = [іеёюяь] ;
        скі } $nl > ский ; цкі } $nl > цкий ; зкі } $nl > зкий ;
        дз } $soft > д ; ц } $soft > т ;
        [шжчр] { ы > и ;
        ў > в ; і > и ; э > е ; [ʼ'’] > ь ;
        """;

    // Kazakh as Kazakh passports write it, the Russian letters as Russian passports of the time did: ә a, ғ g, қ k, ң n,
    // ө o, ұ ү u, һ h, і i, ж zh, х kh, ц ts, й and и i, ю yu, я ya (Zhakypova, Bekmukhambetov, Nurgaliyev).
    private const string KazakhPassport = """
        $v = [аәеёиіоөуұүыэюяaeiou] ; $nl = [^[:L:]] ;
        ь > ; ъ > ; ий } $nl > iy ;
        $nl { е > ye ; $v { е > ye ; е > e ;
        а > a ; ә > a ; б > b ; в > v ; г > g ; ғ > g ; д > d ; ё > yo ; ж > zh ; з > z ; и > i ; і > i ; й > i ; к > k ;
        қ > k ; л > l ; м > m ; н > n ; ң > n ; о > o ; ө > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ұ > u ; ү > u ;
        ф > f ; х > kh ; һ > h ; ц > ts ; ч > ch ; ш > sh ; щ > shch ; ы > y ; э > e ; ю > yu ; я > ya ;
        """;

    // Kazakh in the Latin alphabet of the 2021 decree: ә ä, ғ ğ, қ q, ң ñ, ө ö, ұ ū, ү ü, ш ş, ч ç, ж j, х һ h, і ı, и й i.
    private const string KazakhLatin = """
        ь > ; ъ > ;
        а > a ; ә > ä ; б > b ; в > v ; г > g ; ғ > ğ ; д > d ; е > e ; ё > io ; ж > j ; з > z ; и > i ; і > ı ; й > i ;
        к > k ; қ > q ; л > l ; м > m ; н > n ; ң > ñ ; о > o ; ө > ö ; п > p ; р > r ; с > s ; т > t ; у > u ; ұ > ū ;
        ү > ü ; ф > f ; х > h ; һ > h ; ц > ts ; ч > ç ; ш > ş ; щ > şş ; ы > y ; э > e ; ю > iu ; я > ia ;
        """;

    // The 2021 Kazakh Latin alphabet back to Cyrillic, so a name written in it is also read as passports write it
    // (Aigül Mūhametjanova: Айгүл Мұхаметжанова, Aigul Mukhametzhanova).
    private const string KazakhLatinToCyrillic = """
        ts > ц ; ia > я ; iu > ю ; şş > щ ;
        a > а ; ä > ә ; b > б ; v > в ; g > г ; ğ > ғ ; d > д ; e > е ; j > ж ; z > з ; i > и ; ı > і ; k > к ; q > қ ;
        l > л ; m > м ; n > н ; ñ > ң ; o > о ; ö > ө ; p > п ; r > р ; s > с ; t > т ; u > у ; ū > ұ ; ü > ү ; f > ф ;
        h > х ; ç > ч ; ş > ш ; y > ы ; w > у ; c > ц ; x > кс ;
        """;

    // Russian and Ukrainian in ISO 9 (1995, GOST 7.79 system A) back to Cyrillic: â я, û ю, ŝ щ, ë ё, è э, h х, c ц,
    // ʺ ъ, ʹ ь (Verhovskaâ Alëna: Верховская Алёна), so a name written in it is read in every scheme Cyrillic is.
    private const string Iso9ToCyrillic = """
        g̀ > ґ ; a > а ; b > б ; v > в ; g > г ; d > д ; e > е ; ë > ё ; ê > є ; ž > ж ; z > з ; i > и ; ì > і ; ï > ї ;
        j > й ; k > к ; l > л ; m > м ; n > н ; o > о ; p > п ; r > р ; s > с ; t > т ; u > у ; f > ф ; h > х ; c > ц ;
        č > ч ; š > ш ; ŝ > щ ; ʺ > ъ ; y > ы ; ʹ > ь ; ′ > ь ; è > э ; û > ю ; â > я ;
        """;

    // Georgian as German writes it: w for ვ, s for ზ, sch for შ and ჟ, tsch for ჩ and ჭ, dsch for ჯ, ch for ხ, z for ც
    // and წ, ds for ძ (Nikolos Dschikidse, Ekaterine Tschcheidse).
    private const string GeorgianGerman = """
        ა > a ; ბ > b ; გ > g ; დ > d ; ე > e ; ვ > w ; ზ > s ; თ > t ; ი > i ; კ > k ; ლ > l ; მ > m ; ნ > n ; ო > o ;
        პ > p ; ჟ > sch ; რ > r ; ს > s ; ტ > t ; უ > u ; ფ > p ; ქ > k ; ღ > gh ; ყ > k ; შ > sch ; ჩ > tsch ; ც > z ;
        ძ > ds ; წ > z ; ჭ > tsch ; ხ > ch ; ჯ > dsch ; ჰ > h ;
        """;

    // Armenian with -յան written -ian: ու oo as English writes it, or ou and s between vowels ss as French does.
    private const string ArmenianIan = "$nl = [^[:L:]] ; $v = [աեէըիոօ] ; յան } $nl > ian ;";
    private const string ArmenianEnglishU = "ու > oo ;";
    private const string ArmenianFrenchU = "ու > ou ; $v { ս } $v > ss ;";
    private const string ArmenianVowels = "$nl { ո > vo ; ո > o ; $nl { ե > ye ; ե > e ; $nl { և > yev ; և > ev ;";

    // Western Armenian's letters: the stops and affricates the other way round from Eastern (գ k, կ g, բ p, պ b, դ t,
    // տ d, ջ ch, ճ j, ձ ts, ծ dz: Kevork Manoogian, Sarkissian for Գևորգ Մանուկյան, Սարգսյան).
    private const string ArmenianWesternLetters = """
        ա > a ; բ > p ; գ > k ; դ > t ; զ > z ; է > e ; ը > e ; թ > t ; ժ > zh ; ի > i ; լ > l ; խ > kh ; ծ > dz ; կ > g ;
        հ > h ; ձ > ts ; ղ > gh ; ճ > j ; մ > m ; յ > y ; ն > n ; շ > sh ; չ > ch ; պ > b ; ջ > ch ; ռ > r ; ս > s ; վ > v ;
        տ > d ; ր > r ; ց > ts ; ւ > v ; փ > p ; ք > k ; օ > o ; ֆ > f ;
        """;

    // Eastern Armenian's letters as French writes them (Manoukian): ж j, շ ch, չ ճ tch, ջ dj.
    private const string ArmenianFrenchLetters = """
        ա > a ; բ > b ; գ > g ; դ > d ; զ > z ; է > e ; ը > e ; թ > t ; ժ > j ; ի > i ; լ > l ; խ > kh ; ծ > ts ; կ > k ;
        հ > h ; ձ > dz ; ղ > gh ; ճ > tch ; մ > m ; յ > y ; ն > n ; շ > ch ; չ > tch ; պ > p ; ջ > dj ; ռ > r ; ս > s ; վ > v ;
        տ > t ; ր > r ; ց > ts ; ւ > v ; փ > p ; ք > k ; օ > o ; ֆ > f ;
        """;

    private static readonly (string Scheme, string Rules)[] ArmenianSchemes =
    [
        ("hy-common", ArmenianCommon),
        ("hy-western", ArmenianIan + ArmenianEnglishU + ArmenianVowels + ArmenianWesternLetters),
        ("hy-western-french", ArmenianIan + ArmenianFrenchU + ArmenianVowels + ArmenianWesternLetters),
        ("hy-french", ArmenianIan + ArmenianFrenchU + ArmenianVowels + ArmenianFrenchLetters),
    ];

    // Serbian Cyrillic in Gaj's Latin alphabet, as Serbia, Montenegro and Bosnia write it, and Macedonian as Serbian spells it (ѓ đ, ќ ć).
    private const string SerbianLatin = """
        а > a ; б > b ; в > v ; г > g ; д > d ; ђ > đ ; ѓ > đ ; е > e ; ж > ž ; з > z ; ѕ > dz ; и > i ; ј > j ; к > k ; ќ > ć ;
        л > l ; љ > lj ; м > m ; н > n ; њ > nj ; о > o ; п > p ; р > r ; с > s ; т > t ; ћ > ć ; у > u ; ф > f ; х > h ;
        ц > c ; ч > č ; џ > dž ; ш > š ;
        """;

    // Macedonian in its official romanisation (2008): ѓ gj, ќ kj, ѕ dz, ж zh, ч ch, ш sh, ц c.
    private const string MacedonianLatin = """
        а > a ; б > b ; в > v ; г > g ; д > d ; ѓ > gj ; е > e ; ж > zh ; з > z ; ѕ > dz ; и > i ; ј > j ; к > k ; ќ > kj ;
        л > l ; љ > lj ; м > m ; н > n ; њ > nj ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ; х > h ; ц > c ;
        ч > ch ; џ > dzh ; ш > sh ;
        """;

    // Bulgarian in its official romanisation (the Streamlined System, 2009): х h, щ sht, ъ a, a final -ия -ia.
    private const string BulgarianOfficial = """
        $nl = [^[:L:]] ;
        ия } $nl > ia ;
        а > a ; б > b ; в > v ; г > g ; д > d ; е > e ; ж > zh ; з > z ; и > i ; й > y ; к > k ; л > l ; м > m ; н > n ;
        о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ; х > h ; ц > ts ; ч > ch ; ш > sh ; щ > sht ; ъ > a ;
        ь > y ; ю > yu ; я > ya ;
        """;

    private const string GreekCommon = """
        $nl = [^[:L:]] ;
        $voiced = [βγδζλμνραεηιουω] ;
        αυ } $voiced > av ; αυ > af ; ευ } $voiced > ev ; ευ > ef ; ηυ } $voiced > iv ; ηυ > if ;
        ου > ou ; γγ > ng ; γξ > nx ; γχ > nch ;
        """;

    // Greek as Greek passports write it (ELOT 743): η i, υ y, χ ch, μπ b and ντ d only at the start.
    private const string GreekPassport = GreekCommon + """
        $nl { μπ > b ; μπ > mp ; $nl { ντ > d ; ντ > nt ; γκ > gk ;
        α > a ; β > v ; γ > g ; δ > d ; ε > e ; ζ > z ; η > i ; θ > th ; ι > i ; κ > k ; λ > l ; μ > m ; ν > n ; ξ > x ;
        ο > o ; π > p ; ρ > r ; σ > s ; ς > s ; τ > t ; υ > y ; φ > f ; χ > ch ; ψ > ps ; ω > o ;
        """;

    // Greek as it sounds, the usual English spelling of names: αι e, ει οι υ i, μπ b, ντ nd, χ h, γι before a vowel y (Yannis).
    private const string GreekPhonetic = GreekCommon + """
        γι } [αεοω] > y ;
        """ + GreekPhoneticLetters;

    private const string GreekPhoneticLetters = """
        αι > e ; ει > i ; οι > i ; υι > i ;
        $nl { μπ > b ; μπ > mb ; $nl { ντ > d ; ντ > nd ; $nl { γκ > g ; γκ > ng ;
        α > a ; β > v ; γ > g ; δ > d ; ε > e ; ζ > z ; η > i ; θ > th ; ι > i ; κ > k ; λ > l ; μ > m ; ν > n ; ξ > x ;
        ο > o ; π > p ; ρ > r ; σ > s ; ς > s ; τ > t ; υ > i ; φ > f ; χ > h ; ψ > ps ; ω > o ;
        """;

    // Greek as it sounds with γι written gi, as names with their roots in writing often are (Hatzigeorgiou, Georgios).
    private const string GreekPhoneticGi = GreekCommon + """
        γι > gi ;
        """ + GreekPhoneticLetters;

    // Arabic letters in the common English romanisation of names (vowels that are not written are not guessed).
    private const string ArabicCommon = """
        $nl = [^[:L:]] ;
        $nl { ال > al ;
        $nl { و > w ; و > u ; $nl { ي > y ; ي > i ;
        ا > a ; أ > a ; إ > i ; آ > a ; ء > ; ئ > ; ؤ > u ; ى > a ; ة > a ;
        ب > b ; ت > t ; ث > th ; ج > j ; ح > h ; خ > kh ; د > d ; ذ > dh ; ر > r ; ز > z ; س > s ; ش > sh ; ص > s ;
        ض > d ; ط > t ; ظ > z ; ع > ; غ > gh ; ف > f ; ق > q ; ك > k ; ل > l ; م > m ; ن > n ; ه > h ;
        َ > a ; ُ > u ; ِ > i ; ْ > ; ّ > ; ً > ; ٌ > ; ٍ > ;
        """;

    // Armenian as names are written in English (BGN/PCGN's Eastern Armenian without its apostrophes): ու u, a word's first
    // ե ye and ո vo (Yerevan, Voskanyan), aspirates as the plain letter (Khachatryan, Harutyunyan), where AnyAscii writes ու ow.
    private const string ArmenianCommon = """
        $nl = [^[:L:]] ;
        ու > u ; $nl { ո > vo ; ո > o ; $nl { ե > ye ; ե > e ; $nl { և > yev ; և > ev ;
        ա > a ; բ > b ; գ > g ; դ > d ; զ > z ; է > e ; ը > e ; թ > t ; ժ > zh ; ի > i ; լ > l ; խ > kh ; ծ > ts ; կ > k ;
        հ > h ; ձ > dz ; ղ > gh ; ճ > ch ; մ > m ; յ > y ; ն > n ; շ > sh ; չ > ch ; պ > p ; ջ > j ; ռ > r ; ս > s ; վ > v ;
        տ > t ; ր > r ; ց > ts ; ւ > v ; փ > p ; ք > k ; օ > o ; ֆ > f ;
        """;

    // Greek given names in their formal (church, registry) form and the everyday one people and passports also use, both ways.
    private static readonly Dictionary<string, string> GreekGivenNames = Pairs("""
        γεωργιος γιωργος; ιωαννης γιαννης; κωνσταντινος κωστας; δημητριος δημητρης; νικολαος νικος; παναγιωτης πανος;
        ευαγγελος βαγγελης; αθανασιος θανασης; βασιλειος βασιλης; εμμανουηλ μανωλης; σπυριδων σπυρος; χαραλαμπος μπαμπης;
        θεοδωρος θοδωρης; αναστασιος τασος; ελευθεριος λευτερης; μιχαηλ μιχαλης; γρηγοριος γρηγορης; στυλιανος στελιος;
        ευσταθιος σταθης; αικατερινη κατερινα; παναγιωτα γιωτα; ιωαννα γιαννα; σταυρουλα βουλα
        """);

    // East Slavic given names and the forms offices abroad also write them in: the English and French usage (Alexander,
    // Eugene, Michel), and a Ukrainian name in its Russian form as older records have it (Volodymyr, Vladimir). Only forms
    // that no scheme above gives and their folding does not meet; the first form of each is its English one.
    private static readonly Dictionary<string, string[]> SlavicGivenNames = Forms("""
        александр: alexander alexandre; андрей: andrew andre; михаил: michael michel; петр: peter pierre; павел: paul;
        николай: nicholas nicolas; евгений: eugene; григорий: gregory gregoire; федор: theodore; георгий: george georges;
        константин: constantine constantin; виктор: victor; сергей: serge; яков: jacob jacques; иосиф: joseph;
        степан: stephen stephane; матвей: matthew; тимофей: timothy; лев: leo leon; дмитрий: dimitri;
        екатерина: catherine katherine; елена: helen helena; наталья: natalie nathalie; наталия: natalie nathalie;
        юлия: julia julie; софья: sophie; софия: sophie; мария: mary marie; ирина: irene;
        олександр: alexander aleksandr; андрій: andrew andrei; михайло: michael mikhail; петро: peter pyotr;
        павло: paul pavel; микола: nicholas nikolai; євген: eugene evgeny; григорій: gregory grigory;
        володимир: vladimir wladimir; сергій: sergei serge; дмитро: dmitry dimitri; василь: vasily basil;
        віктор: victor viktor; юрій: yuri; олена: helen elena; катерина: catherine ekaterina; юлія: julia yulia;
        тетяна: tatiana tatjana; ольга: olga; наталія: natalie natalia; оксана: oksana; людмила: ludmila lyudmila
        """);

    // Belarusian given names in the Russian form Russian-language records and older passports give them (Пятро Пётр, Вольга
    // Ольга, Яўген Евгений, Ягор Егор); the other words of the name go through BelarusianToRussian.
    private static readonly Dictionary<string, string> BelarusianGivenNames = OneWay("""
        аляксандр александр; алесь александр; аляксей алексей; андрэй андрей; анатоль анатолий; антон антон; арцём артём;
        барыс борис; вадзім вадим; валянцін валентин; васіль василий; віктар виктор; віталь виталий; уладзімір владимир;
        уладзіслаў владислав; вячаслаў вячеслав; генадзь геннадий; рыгор григорий; дзяніс денис; дзмітрый дмитрий;
        зміцер дмитрий; яўген евгений; ягор егор; іван иван; янка иван; ігар игорь; канстанцін константин; кірыл кирилл;
        максім максим; мікалай николай; мікіта никита; міхаіл михаил; міхась михаил; павел павел; пятро пётр; раман роман;
        сяргей сергей; сямён семён; станіслаў станислав; фёдар фёдор; юрый юрий; яраслаў ярослав; алена елена;
        ала алла; ганна анна; настасся анастасия; валянціна валентина; вольга ольга; галіна галина; дар'я дарья;
        кацярына екатерина; лізавета елизавета; ірына ирина; ксенія ксения; людміла людмила; марына марина;
        маргарыта маргарита; надзея надежда; наталля наталья; паліна полина; святлана светлана; таццяна татьяна;
        тамара тамара; юлія юлия; аксана оксана; алеся олеся; вераніка вероника
        """);

    private static Dictionary<string, string[]> Forms(string list) =>
        list.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split(':', StringSplitOptions.TrimEntries))
            .ToDictionary(entry => CyrillicKey(entry[0]), entry => entry[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string CyrillicKey(string word) => word.Replace('ё', 'е');

    private static Dictionary<string, string> OneWay(string list) =>
        list.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(' '))
            .ToDictionary(p => p[0], p => p[1]);

    private static Dictionary<string, string> Pairs(string list)
    {
        var pairs = list.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(' ')).ToList();
        return pairs.Select(p => (p[0], p[1])).Concat(pairs.Select(p => (p[1], p[0]))).ToDictionary(p => GreekKey(p.Item1), p => p.Item2);
    }

    private static string GreekKey(string word) => WithoutMarks(word).Replace('ς', 'σ');

    private static readonly (string Scheme, string Rules)[] CyrillicSchemes =
        [("ru-passport", RussianPassport), ("ru-bgn-pcgn", RussianBgn), ("ru-german", RussianGerman), ("ru-french", RussianFrench), ("ru-scholarly", RussianScholarly)];

    private static readonly (string Scheme, string Rules)[] UkrainianSchemes =
        [("uk-passport", UkrainianPassport), ("uk-german", UkrainianGerman)];

    private static readonly ThreadLocal<Dictionary<string, Transliterator>> Transliterators = new(() => []);

    /// <summary>
    /// Each thread's last transliterations, by transliterator and word: names share their words (family names, Han
    /// syllables), and ICU's rules are the dearest part of standardizing a name.
    /// </summary>
    private static readonly PerThreadCache<(string Id, string Text), string> Transformed = new();

    /// <summary>The name's spellings under every scheme its scripts have; none for a name in Latin letters.</summary>
    public static IReadOnlyList<Spelling> Spellings(string text, IdentityKind? kind = null, string? country = null)
    {
        var spellings = new List<Spelling>();
        if (NameStandardization.IsLatin(text))
        {
            // Serbian, Croatian and Bosnian đ is written dj where the keyboard lacks it (Đorđević Djordjevic), as the
            // Cyrillic ђ is read; AnyAscii reads it d, as Vietnamese đ is.
            if (text.Contains('đ', StringComparison.OrdinalIgnoreCase))
            {
                spellings.Add(new("hbs-dj", text.Replace("đ", "dj", StringComparison.Ordinal).Replace("Đ", "Dj", StringComparison.Ordinal)));
            }

            spellings.AddRange(ReadBack(text, kind, country));
            return spellings;
        }

        // Word by word, legal forms split off where glued (株式会社エイクミ) and kept in their own script,
        // so that each spelling has its legal form recognised as the name written natively has.
        var lower = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var words = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => LegalForms.SpaceGlued(w).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        string Each(Func<string, string> romanise) =>
            string.Join(' ', words.Select(w => LegalForms.IsNativeForm(w) ? w : romanise(w)));

        if (lower.Any(c => c is >= '\u0400' and <= '\u04FF'))
        {
            // Belarusian has ў and, beside і, the ы and э Ukrainian lacks; Kazakh has letters of its own.
            var belarusian = country == "BY" || lower.Contains('ў') || (lower.Contains('і') && lower.Any(c => c is 'ы' or 'э'));
            var kazakh = country == "KZ" || lower.Any(c => c is 'ә' or 'ғ' or 'қ' or 'ң' or 'ө' or 'ұ' or 'ү' or 'һ');
            var ukrainian = !belarusian && !kazakh && (country == "UA" || lower.Any(c => c is 'і' or 'ї' or 'є' or 'ґ'));
            foreach (var (scheme, rules) in ukrainian ? UkrainianSchemes.Concat(CyrillicSchemes) : CyrillicSchemes)
            {
                spellings.Add(new(scheme, Each(w => Transform(scheme, rules, w))));
            }

            if (belarusian)
            {
                // Belarusian's own Latin spellings, and the name in its Russian form as passports also carry it (Пятро
                // Шыманскі, Pyotr Shimanskiy) in the passport and BGN/PCGN spellings of Russian.
                spellings.Add(new("be-national", Each(w => Transform("be-national", BelarusianNational, w))));
                spellings.Add(new("be-passport", Each(w => Transform("be-passport", BelarusianPassport, w))));
                string Russian(string w) => BelarusianGivenNames.GetValueOrDefault(w) ?? Transform("be-russian", BelarusianToRussian, w);
                spellings.Add(new("be-russian-passport", Each(w => Transform("ru-passport", RussianPassport, Russian(w)))));
                spellings.Add(new("be-russian-bgn-pcgn", Each(w => Transform("ru-bgn-pcgn", RussianBgn, Russian(w)))));
            }

            if (kazakh)
            {
                spellings.Add(new("kk-passport", Each(w => Transform("kk-passport", KazakhPassport, w))));
                spellings.Add(new("kk-latin", Each(w => Transform("kk-latin", KazakhLatin, w))));
            }

            if (country is "RS" or "ME" or "BA" or "MK" || lower.Any(c => c is 'ђ' or 'ј' or 'љ' or 'њ' or 'ћ' or 'џ' or 'ѓ' or 'ќ' or 'ѕ'))
            {
                // Serbian, Montenegrin, Bosnian and Macedonian names as their Latin alphabets write them, and with đ as dj
                // where a keyboard lacks it (Đorđe Djordje; the diacritics fold away in the key: Ćirić Ciric).
                var latin = Each(w => Transform("sr-latin", SerbianLatin, w));
                spellings.Add(new("sr-latin", latin));
                spellings.Add(new("sr-latin-dj", latin.Replace("đ", "dj", StringComparison.Ordinal)));
                if (country == "MK" || lower.Any(c => c is 'ѓ' or 'ќ' or 'ѕ'))
                {
                    spellings.Add(new("mk-latin", Each(w => Transform("mk-latin", MacedonianLatin, w))));
                }
            }

            if (country == "BG")
            {
                spellings.Add(new("bg-official", Each(w => Transform("bg-official", BulgarianOfficial, w))));
            }

            if (kind != IdentityKind.LegalEntity && words.Any(w => SlavicGivenNames.ContainsKey(CyrillicKey(w))))
            {
                // The given name in each form offices abroad write it in, the other words as English, German and French spell them.
                var forms = words.Max(w => SlavicGivenNames.GetValueOrDefault(CyrillicKey(w))?.Length ?? 0);
                for (var i = 0; i < forms; i++)
                {
                    var form = i;
                    string Given(string w, string scheme, string rules) =>
                        SlavicGivenNames.TryGetValue(CyrillicKey(w), out var given) ? given[Math.Min(form, given.Length - 1)] : Transform(scheme, rules, w);
                    spellings.Add(new($"ru-given-{form + 1}", Each(w => Given(w, "ru-bgn-pcgn", RussianBgn))));
                    spellings.Add(new($"ru-given-german-{form + 1}", Each(w => Given(w, "ru-german", RussianGerman))));
                    spellings.Add(new($"ru-given-french-{form + 1}", Each(w => Given(w, "ru-french", RussianFrench))));
                }
            }
        }

        if (lower.Any(c => c is >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF'))
        {
            spellings.Add(new("el-ungegn", Each(w => Transform("Greek-Latin/UNGEGN", null, w))));
            spellings.Add(new("el-passport", Each(w => Transform("el-passport", GreekPassport, WithoutMarks(w)))));
            spellings.Add(new("el-phonetic", Each(w => Transform("el-phonetic", GreekPhonetic, WithoutMarks(w)))));
            spellings.Add(new("el-phonetic-gi", Each(w => Transform("el-phonetic-gi", GreekPhoneticGi, WithoutMarks(w)))));
            if (kind != IdentityKind.LegalEntity && words.Any(w => GreekGivenNames.ContainsKey(GreekKey(w))))
            {
                // The given name in its other form, formal or everyday (Γεώργιος, Γιώργος), in each scheme.
                string Other(string w) => GreekGivenNames.GetValueOrDefault(GreekKey(w)) ?? w;
                spellings.Add(new("el-given-ungegn", Each(w => Transform("Greek-Latin/UNGEGN", null, Other(w)))));
                spellings.Add(new("el-given-passport", Each(w => Transform("el-passport", GreekPassport, WithoutMarks(Other(w))))));
                spellings.Add(new("el-given-phonetic", Each(w => Transform("el-phonetic", GreekPhonetic, WithoutMarks(Other(w))))));
            }
        }

        if (lower.Any(Hangul.IsSyllable))
        {
            var person = kind != IdentityKind.LegalEntity;
            spellings.Add(new("ko-revised", Each(w => Hangul.Romanise(w, Hangul.Revised, surname: false))));
            spellings.Add(new("ko-mccune-reischauer", Each(w => Hangul.Romanise(w, Hangul.McCuneReischauer, surname: false))));
            spellings.Add(new("ko-passport", Each(w => Hangul.Romanise(w, Hangul.Passport, surname: person && w == words[0]))));
            if (person)
            {
                spellings.AddRange(Hangul.SurnameSpellings(words));
            }
        }

        if (lower.Any(c => c is >= '\u3040' and <= '\u30FF'))
        {
            var hepburn = Each(w => Transform("Hiragana-Latin", null, Transform("Katakana-Latin", null, w)).Replace("'", "", StringComparison.Ordinal));
            spellings.Add(new("ja-hepburn", hepburn));
            spellings.Add(new("ja-kunrei", Kunrei(WithoutMarks(hepburn))));
            spellings.Add(new("ja-passport", PassportHepburn().Replace(WithoutMarks(hepburn), "oh").Replace("uu", "u", StringComparison.Ordinal)));
        }
        else if (lower.Any(c => c is >= '\u3400' and <= '\u9FFF') && !lower.Any(Hangul.IsSyllable))
        {
            // Pinyin with tone marks, with the readings surnames take (曾 Zeng, 单 Shan); the tones fold away.
            spellings.Add(new("zh-pinyin", Each(w => Transform("Han-Latin/Names", null, w))));
            spellings.Add(new("zh-wade-giles", Each(w => string.Join(' ', w.EnumerateRunes().Select(r => WadeGiles.Of(WithoutMarks(Transform("Han-Latin/Names", null, r.ToString()))))))));
            if (country is null or "HK" or "MO" && words.All(w => LegalForms.IsNativeForm(w) || Cantonese.Of(w) is not null))
            {
                // Hong Kong and Macau write names in Cantonese (陳大文 Chan Tai Man).
                spellings.Add(new("yue-hk", Each(w => Cantonese.Of(w)!)));
            }
        }

        if (lower.Any(c => c is >= '\u0600' and <= '\u06FF'))
        {
            spellings.AddRange(Arabic.Spellings(words));
        }

        if (lower.Any(c => c is >= '\u10D0' and <= '\u10FF'))
        {
            // Georgian as German records write it; the national system is AnyAscii's reading, the name's own key.
            spellings.Add(new("ka-german", Each(w => Transform("ka-german", GeorgianGerman, w))));
        }

        if (lower.Any(c => c is >= '\u0531' and <= '\u058A'))
        {
            spellings.AddRange(ArmenianSchemes.Select(scheme => new Spelling(scheme.Scheme, Each(w => Transform(scheme.Scheme, scheme.Rules, w)))));
        }

        if (lower.Any(Indic.IsLetter))
        {
            spellings.AddRange(Indic.Spellings(words));
        }

        if (kind != IdentityKind.LegalEntity && country is null or "JP" && lower.Any(c => c is >= '\u3400' and <= '\u9FFF'))
        {
            // Kanji read as Japanese names are read, where ICU and AnyAscii give Mandarin (山田太郎 Yamada Taro).
            spellings.AddRange(JapaneseNames.Read(words).Select((reading, i) => new Spelling($"ja-names-{i + 1}", reading)));
        }

        if (kind != IdentityKind.NaturalPerson)
        {
            spellings.AddRange(Translated(words, country));
        }

        return spellings;
    }

    /// <summary>
    /// A Latin name in a scheme that neither the key nor its folding bring to the spelling records use: ISO 9 (Verhovskaâ
    /// Alëna) and the 2021 Kazakh Latin alphabet (Aigül Mūhametjanova) are read back into Cyrillic and spelled as passports
    /// do, IAST (Pravīṇa Viśvakarmā) into Devanagari and spelled as Indian records do (Pravin Vishvakarma); a Ukrainian
    /// name is also spelled with the g that Russian-language records write for its h (Hordiienko, Gordiienko).
    /// </summary>
    private static IEnumerable<Spelling> ReadBack(string text, IdentityKind? kind, string? country)
    {
        var lower = text.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        // IAST's letters that no other scheme here writes; in a country of these scripts, its long vowels and retroflexes too.
        var indian = country is null or "IN" or "NP" or "LK" or "BD"
            && (lower.Any(c => c is 'ś' or 'ṇ' or 'ṛ' or 'ṃ' or 'ṅ') || (country is not null && lower.Any(c => c is 'ā' or 'ī' or 'ū' or 'ṭ' or 'ḍ' or 'ṣ')));
        if (indian)
        {
            var devanagari = lower.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Transform("Latin-Devanagari", null, w)).ToList();
            foreach (var spelling in Indic.Spellings(devanagari))
            {
                yield return spelling with { Scheme = $"iast-{spelling.Scheme}" };
            }
        }

        if (lower.Any(c => c is 'â' or 'û' or 'ŝ' or 'ʺ' or 'ʹ'))
        {
            var cyrillic = Transform("iso9-cyrillic", Iso9ToCyrillic, lower);
            foreach (var spelling in Spellings(cyrillic, kind, country).Where(s => s.Scheme is "ru-passport" or "ru-bgn-pcgn" or "uk-passport"))
            {
                yield return spelling with { Scheme = $"iso9-{spelling.Scheme}" };
            }
        }

        // Only a name holding letters of that alphabet; without the country, one with ū or q as well (not a Turkish ğ, ş, ü).
        if (lower.Any(c => c is 'ä' or 'ğ' or 'q' or 'ñ' or 'ö' or 'ū' or 'ü' or 'ş') && (country == "KZ" || lower.Contains('ū') || lower.Contains('q')))
        {
            yield return new("kk-latin-passport", Transform("kk-passport", KazakhPassport, Transform("kk-latin-cyrillic", KazakhLatinToCyrillic, lower)));
        }

        if (country == "UA" && UkrainianH().IsMatch(lower))
        {
            yield return new("uk-russian-g", UkrainianH().Replace(lower, "g"));
        }
    }

    // An h that is not part of kh, sh, ch, zh or zgh: Ukrainian г, which Russian writes г, g.
    [GeneratedRegex("(?<![kscz])h", RegexOptions.CultureInvariant)]
    private static partial Regex UkrainianH();

    // A company name in Han, kana or Hangul with the trade words that end its words in English (华信科技 Huaxin
    // Technology, 한솔전자 Hansol Electronics), its Hangul stems in both Korean schemes, and a Japanese name also
    // with its kanji trade words read in Japanese (エイクミ電機 Eikumi Denki).
    private static IEnumerable<Spelling> Translated(List<string> words, string? country)
    {
        var japanese = country == "JP" || words.Any(w => w.Any(c => c is >= '\u3040' and <= '\u30FF'));
        if (!words.Any(w => w.Any(c => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' || Hangul.IsSyllable(c)))
            || TradeWords.Translated(words, japanese) is not { } translated)
        {
            yield break;
        }

        // A Japanese company's stem that is a family or place name is read as one (鈴木製薬 Suzuki Seiyaku).
        string Stems(string text) =>
            japanese ? string.Join(' ', text.Split(' ').Select(w => JapaneseNames.Surname(w) is { } reading ? reading[0] : w)) : text;
        // A Chinese company's Han stem is also read in pinyin with the readings names take (长城 Changcheng, where
        // AnyAscii reads Zhangcheng) and, for the first English form, in Wade–Giles, as Taiwan writes it (大同 Tatung).
        string HanStems(string text, Func<string, string> romanise) =>
            string.Join(' ', text.Split(' ').Select(w => !LegalForms.IsNativeForm(w) && w.Any(c => c is >= '\u3400' and <= '\u9FFF') ? romanise(w) : w));
        string Pinyin(string w) => string.Join(' ', w.EnumerateRunes().Select(r => WithoutMarks(Transform("Han-Latin/Names", null, r.ToString()))));
        string Wade(string w) => string.Join(' ', w.EnumerateRunes().Select(r => WadeGiles.Of(WithoutMarks(Transform("Han-Latin/Names", null, r.ToString())))));
        var chinese = !japanese && !words.Any(w => w.Any(Hangul.IsSyllable));
        var n = 0;
        foreach (var english in translated.English.Select(Stems))
        {
            n++;
            yield return new Spelling($"trade-en-{n}", english);
            if (chinese)
            {
                yield return new Spelling($"trade-en-{n}-zh-pinyin", HanStems(english, Pinyin));
                if (n == 1)
                {
                    yield return new Spelling($"trade-en-{n}-zh-wade-giles", HanStems(english, Wade));
                }

                if (country is null or "HK" or "MO" && english.Split(' ').All(w => LegalForms.IsNativeForm(w) || !w.Any(c => c is >= '\u3400' and <= '\u9FFF') || Cantonese.Of(w) is not null))
                {
                    yield return new Spelling($"trade-en-{n}-yue-hk", HanStems(english, w => Cantonese.Of(w)!));
                }
            }

            if (english.Any(Hangul.IsSyllable))
            {
                string Each(Hangul.Scheme scheme) =>
                    string.Join(' ', english.Split(' ').Select(w => LegalForms.IsNativeForm(w) ? w : Hangul.Romanise(w, scheme, surname: false)));
                yield return new Spelling($"trade-en-{n}-ko-revised", Each(Hangul.Revised));
                yield return new Spelling($"trade-en-{n}-ko-mccune-reischauer", Each(Hangul.McCuneReischauer));
            }
        }

        if (translated.Japanese is { } reading)
        {
            yield return new Spelling("trade-ja", Stems(reading));
        }
    }

    /// <summary>
    /// One word in ASCII with the usual differences between romanisation schemes folded away, for
    /// the romanisation-folded key: tone numbers off; shch, schtsch, šč to sc; sch, sh to s; tsch,
    /// tch, ch, ts, tz, cz to c; zh to z; kh to h; w to v; x to ks; ph to f; ou to o (the Japanese
    /// long o, as the name key has it); oo to u; eo to o; eu to u; y, and j after a vowel, to i; a
    /// vowel's ie to e; a long o written oh to o; -off to -ov; m before b, p or m to n; double letters
    /// single. A name meets another by this key only when every word folds alike, and the score
    /// counts such a meeting below an exact one (docs/matching.md).
    /// </summary>
    public static string Fold(string word)
    {
        var s = ToneNumber().Replace(word, "$1");
        s = Clusters().Replace(s, m => m.Value switch
        {
            "schtsch" or "shch" => "sc",
            "tsch" or "tch" or "ch" or "ts" or "tz" or "cz" => "c",
            "sch" or "sh" => "s",
            "zh" => "z",
            "kh" => "h",
            "ck" => "k",
            "ph" => "f",
            "x" => "ks",
            "w" => "v",
            "ou" => "o",
            "oo" => "u",
            "eo" => "o",
            "eu" => "u",
            _ => m.Value,
        });
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            // y is i everywhere; j only after a vowel, where it is the й of Sergej and Jurij. A j after a
            // consonant is ж or дж in other schemes and Korean ㅈ (Minjun), and one that starts a word
            // is Korean and Chinese j as often as German я, ю, е: neither folds.
            if (chars[i] == 'y' || (chars[i] == 'j' && i > 0 && chars[i - 1] is 'a' or 'e' or 'i' or 'o' or 'u'))
            {
                chars[i] = 'i';
            }
        }

        s = new string(chars);
        s = VowelYe().Replace(s, "$1e");
        s = LongO().Replace(s, "o");
        s = NasalLabial().Replace(s, "n");
        s = FinalOff().Replace(s, "ov");
        var folded = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (folded.Length == 0 || folded[^1] != c)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    // Japanese passports write a long o "oh" (Satoh, Ohno) before a consonant or at the end of a word.
    [GeneratedRegex("o[ou](?![aeiou])", RegexOptions.CultureInvariant)]
    private static partial Regex PassportHepburn();

    [GeneratedRegex("([a-z])[1-5](?=[a-z]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ToneNumber();

    [GeneratedRegex("schtsch|shch|tsch|sch|tch|ch|sh|zh|kh|ts|tz|cz|ck|ph|x|w|ou|oo|eo|eu", RegexOptions.CultureInvariant)]
    private static partial Regex Clusters();

    [GeneratedRegex("([aeou])ie", RegexOptions.CultureInvariant)]
    private static partial Regex VowelYe();

    [GeneratedRegex("oh(?![aeiou])", RegexOptions.CultureInvariant)]
    private static partial Regex LongO();

    [GeneratedRegex("m(?=[bpm])", RegexOptions.CultureInvariant)]
    private static partial Regex NasalLabial();

    [GeneratedRegex("of+$", RegexOptions.CultureInvariant)]
    private static partial Regex FinalOff();

    /// <summary>
    /// Wade–Giles, as Taiwan, Hong Kong and older records write Chinese names (Chen Chih-hao, Wang
    /// Hsiao-ming), from a Pinyin syllable without tones; the apostrophes of aspiration and the
    /// umlaut of ü are left out, as offices' forms leave them.
    /// </summary>
    public static class WadeGiles
    {
        private static readonly Dictionary<string, string> Whole = new()
        {
            ["zhi"] = "chih",
            ["chi"] = "chih",
            ["shi"] = "shih",
            ["ri"] = "jih",
            ["zi"] = "tzu",
            ["ci"] = "tzu",
            ["si"] = "ssu",
            ["you"] = "yu",
            ["yan"] = "yen",
            ["ye"] = "yeh",
            ["yi"] = "i",
            ["yong"] = "yung",
            ["yue"] = "yueh",
            ["er"] = "erh",
            ["e"] = "o",
        };

        private static readonly (string Pinyin, string Wade)[] Initials =
        [
            ("zh", "ch"), ("ch", "ch"), ("sh", "sh"), ("b", "p"), ("p", "p"), ("d", "t"), ("t", "t"), ("g", "k"), ("k", "k"),
            ("j", "ch"), ("q", "ch"), ("x", "hs"), ("z", "ts"), ("c", "ts"), ("r", "j"),
        ];

        public static string Of(string syllable)
        {
            if (Whole.TryGetValue(syllable, out var whole))
            {
                return whole;
            }

            var (initial, wade) = Array.Find(Initials, i => syllable.StartsWith(i.Pinyin, StringComparison.Ordinal));
            var pinyinInitial = initial ?? (syllable.Length > 0 && !"aeiouwy".Contains(syllable[0], StringComparison.Ordinal) ? syllable[..1] : "");
            var final = syllable[pinyinInitial.Length..];
            final = final switch
            {
                "ong" => "ung",
                "iong" => "iung",
                "ian" => "ien",
                "ie" => "ieh",
                "ue" or "ve" => "ueh",
                "ui" => "uei",
                "e" when pinyinInitial is "g" or "k" or "h" => "o",
                "uo" when pinyinInitial is not ("g" or "k" or "h" or "sh") => "o",
                _ => final,
            };
            return (wade ?? pinyinInitial) + final;
        }
    }

    /// <summary>Hepburn to Kunrei-shiki (ISO 3602): shi si, chi ti, tsu tu, fu hu, ji zi, sha sya, cha tya, ja zya.</summary>
    public static string Kunrei(string hepburn) =>
        hepburn.Replace("shi", "si", StringComparison.Ordinal).Replace("sh", "sy", StringComparison.Ordinal)
            .Replace("chi", "ti", StringComparison.Ordinal).Replace("ch", "ty", StringComparison.Ordinal)
            .Replace("tsu", "tu", StringComparison.Ordinal).Replace("fu", "hu", StringComparison.Ordinal)
            .Replace("ji", "zi", StringComparison.Ordinal).Replace("j", "zy", StringComparison.Ordinal);

    internal static string Transform(string id, string? rules, string text) =>
        Transformed.GetOrAdd((id, text), rules, static (key, rules) =>
        {
            var cache = Transliterators.Value!;
            if (!cache.TryGetValue(key.Id, out var transliterator))
            {
                transliterator = rules is null ? Transliterator.GetInstance(key.Id) : Transliterator.CreateFromRules(key.Id, rules, TransliterationDirection.Forward);
                cache[key.Id] = transliterator;
            }

            return transliterator.Transform(" " + key.Text + " ").Trim();
        });

    private static string WithoutMarks(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Korean: Revised Romanization (2000) and McCune–Reischauer (1939, without its breves and apostrophes), syllable by syllable.</summary>
    private static class Hangul
    {
        public sealed record Scheme(string[] Initial, string[] InitialVoiced, string[] Vowel, string[] Final);

        // Initial consonants in jamo order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ.
        private static readonly string[] RevisedInitial = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
        private static readonly string[] McCuneInitial = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "k", "t", "p", "h"];
        private static readonly string[] McCuneVoiced = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "tch", "ch", "k", "t", "p", "h"];

        // Vowels: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ.
        private static readonly string[] RevisedVowel = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];
        private static readonly string[] McCuneVowel = ["a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"];

        // Final consonants: none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ.
        private static readonly string[] Finals = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

        public static readonly Scheme Revised = new(RevisedInitial, RevisedInitial, RevisedVowel, Finals);
        public static readonly Scheme McCuneReischauer = new(McCuneInitial, McCuneVoiced, McCuneVowel, Finals);

        /// <summary>Revised Romanization with the spellings passports favour: ㅓ and ㅕ before ng as u and you (Sung, Jung, Young), 현 as Hyun.</summary>
        public static readonly Scheme Passport = new(RevisedInitial, RevisedInitial, RevisedVowel, Finals);

        // The spellings Korean surnames usually take in passports, where they differ from either scheme.
        private static readonly Dictionary<char, string> Surnames = new()
        {
            ['김'] = "kim",
            ['이'] = "lee",
            ['리'] = "lee",
            ['박'] = "park",
            ['최'] = "choi",
            ['정'] = "jung",
            ['강'] = "kang",
            ['조'] = "cho",
            ['윤'] = "yoon",
            ['장'] = "jang",
            ['임'] = "lim",
            ['한'] = "han",
            ['오'] = "oh",
            ['서'] = "seo",
            ['신'] = "shin",
            ['권'] = "kwon",
            ['황'] = "hwang",
            ['안'] = "ahn",
            ['송'] = "song",
            ['류'] = "ryu",
            ['유'] = "yoo",
            ['홍'] = "hong",
            ['전'] = "jeon",
            ['고'] = "ko",
            ['문'] = "moon",
            ['양'] = "yang",
            ['손'] = "son",
            ['배'] = "bae",
            ['백'] = "baek",
            ['허'] = "heo",
            ['노'] = "noh",
            ['남'] = "nam",
            ['심'] = "shim",
            ['곽'] = "kwak",
            ['성'] = "sung",
            ['차'] = "cha",
            ['주'] = "joo",
            ['우'] = "woo",
            ['구'] = "koo",
            ['민'] = "min",
            ['진'] = "jin",
            ['엄'] = "um",
            ['채'] = "chae",
            ['원'] = "won",
            ['천'] = "chun",
            ['방'] = "bang",
            ['공'] = "kong",
            ['현'] = "hyun",
            ['변'] = "byun",
            ['염'] = "yeom",
            ['여'] = "yeo",
            ['추'] = "choo",
            ['석'] = "seok",
            ['선'] = "sun",
            ['설'] = "seol",
            ['길'] = "gil",
            ['연'] = "yeon",
            ['표'] = "pyo",
            ['명'] = "myung",
            ['기'] = "ki",
            ['금'] = "keum",
            ['육'] = "yook",
            ['인'] = "in",
            ['맹'] = "maeng",
            ['탁'] = "tak",
            ['국'] = "kook",
            ['은'] = "eun",
            ['편'] = "pyeon",
            ['용'] = "yong",
            ['경'] = "kyung",
            ['봉'] = "bong",
            ['부'] = "boo",
        };

        // Every spelling a surname is met in: Revised Romanization, McCune–Reischauer, the passport
        // spellings of South Korea and the North's (Ri for 이 and 리, Rim for 임), and the old ones
        // families kept (Rhee, Chung, Ahn, Sohn, Paik).
        private static readonly Dictionary<string, string[]> SurnameVariants = new()
        {
            ["김"] = ["kim", "gim"],
            ["이"] = ["lee", "yi", "rhee", "ri", "rhie", "yee", "i"],
            ["리"] = ["lee", "ri", "yi", "rhee"],
            ["박"] = ["park", "pak", "bak", "bahk", "pack"],
            ["최"] = ["choi", "choe", "chey", "choy", "chwe"],
            ["정"] = ["jung", "jeong", "chung", "chong", "joung"],
            ["강"] = ["kang", "gang"],
            ["조"] = ["cho", "jo", "joe"],
            ["윤"] = ["yoon", "yun", "youn"],
            ["장"] = ["jang", "chang"],
            ["임"] = ["lim", "im", "rim", "yim", "leem"],
            ["림"] = ["lim", "rim", "im"],
            ["한"] = ["han"],
            ["오"] = ["oh", "o"],
            ["서"] = ["seo", "suh", "so"],
            ["신"] = ["shin", "sin", "shinn"],
            ["권"] = ["kwon", "gwon", "kweon"],
            ["황"] = ["hwang"],
            ["안"] = ["ahn", "an"],
            ["송"] = ["song"],
            ["류"] = ["ryu", "yu", "yoo", "ryoo", "lyu"],
            ["유"] = ["yoo", "yu", "you"],
            ["홍"] = ["hong"],
            ["전"] = ["jeon", "jun", "chun", "chon"],
            ["고"] = ["ko", "go", "koh"],
            ["문"] = ["moon", "mun"],
            ["양"] = ["yang", "ryang"],
            ["손"] = ["son", "sohn"],
            ["배"] = ["bae", "pae"],
            ["백"] = ["baek", "paik", "paek", "baik"],
            ["허"] = ["heo", "hur", "huh", "ho"],
            ["노"] = ["noh", "roh", "no", "ro"],
            ["로"] = ["roh", "ro", "no"],
            ["남"] = ["nam"],
            ["심"] = ["shim", "sim"],
            ["곽"] = ["kwak", "gwak"],
            ["성"] = ["sung", "seong", "song"],
            ["차"] = ["cha"],
            ["주"] = ["joo", "ju", "chu"],
            ["우"] = ["woo", "u"],
            ["구"] = ["koo", "ku", "gu"],
            ["민"] = ["min"],
            ["진"] = ["jin", "chin"],
            ["엄"] = ["um", "eom", "uhm"],
            ["채"] = ["chae", "chai"],
            ["원"] = ["won", "weon"],
            ["천"] = ["chun", "cheon", "chon"],
            ["방"] = ["bang", "pang"],
            ["공"] = ["kong", "gong"],
            ["현"] = ["hyun", "hyeon", "hyon"],
            ["변"] = ["byun", "byeon", "pyon"],
            ["염"] = ["yeom", "yum", "yom"],
            ["여"] = ["yeo", "yuh", "yo"],
            ["추"] = ["choo", "chu"],
            ["석"] = ["seok", "suk", "sok"],
            ["선"] = ["sun", "seon", "son"],
            ["설"] = ["seol", "sul", "sol"],
            ["길"] = ["gil", "kil"],
            ["연"] = ["yeon", "yun", "yon"],
            ["표"] = ["pyo"],
            ["명"] = ["myung", "myeong", "myong"],
            ["기"] = ["ki", "gi"],
            ["금"] = ["keum", "kum", "geum"],
            ["육"] = ["yook", "yuk"],
            ["탁"] = ["tak"],
            ["국"] = ["kook", "kuk", "guk"],
            ["편"] = ["pyeon", "pyun", "pyon"],
            ["봉"] = ["bong", "pong"],
            ["부"] = ["boo", "bu", "pu"],
            ["하"] = ["ha"],
            ["나"] = ["na", "ra"],
            ["라"] = ["ra", "na"],
            ["마"] = ["ma"],
            ["위"] = ["wi", "wee"],
            ["지"] = ["ji", "chi"],
            ["제"] = ["je", "jae", "che"],
            ["도"] = ["do", "doh", "to"],
            ["남궁"] = ["namgung", "namkung", "namgoong"],
            ["선우"] = ["sunwoo", "seonu", "sonu"],
            ["제갈"] = ["jegal", "chegal"],
            ["황보"] = ["hwangbo", "hwangpo"],
            ["독고"] = ["dokgo", "tokko", "dokko"],
        };

        /// <summary>The passport spellings of given names: ㅓ and ㅕ before a final as u and yu (Chul, Hyuk, Kyung), 영 Young, 희 Hee, ㄱ starting the name as k.</summary>
        public static readonly Scheme PassportGiven = new(RevisedInitial, RevisedInitial, RevisedVowel, Finals);

        /// <summary>
        /// A person's name (surname first, glued or spaced) with its surname in each spelling it is met
        /// in, and its given name in Revised Romanization, McCune–Reischauer and the passports'
        /// spellings: offices mix them (Yi Seo-yeon, Rhee Sung-min, Chung Ho-young).
        /// </summary>
        public static IEnumerable<Spelling> SurnameSpellings(List<string> words)
        {
            if (words.Count is 0 or > 2 || !words.All(w => w.All(IsSyllable)))
            {
                yield break;
            }

            var glued = string.Concat(words);
            var surname = words.Count == 2 ? words[0] : glued.Length is 3 or 4 && SurnameVariants.ContainsKey(glued[..2]) ? glued[..2] : glued[..1];
            var given = glued[surname.Length..];
            if (given.Length is 0 or > 3 || !SurnameVariants.TryGetValue(surname, out var variants))
            {
                yield break;
            }

            var givens = new[] { Romanise(given, Revised, false), Romanise(given, McCuneReischauer, false), Romanise(given, PassportGiven, false) }.Distinct().ToList();
            var n = 0;
            foreach (var variant in variants)
            {
                foreach (var spelt in givens)
                {
                    yield return new Spelling($"ko-surname-{++n}", variant + " " + spelt);
                }
            }
        }

        public static bool IsSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

        /// <summary>
        /// Each Hangul syllable as a word of its own (as AnyAscii's reading is split), so "Min-jun",
        /// "Minjun" and "Min Jun" all meet it; with surname, the first syllable of a word
        /// of two or three (a person's surname) in its usual passport spelling.
        /// </summary>
        public static string Romanise(string text, Scheme scheme, bool surname)
        {
            var builder = new StringBuilder();
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var syllables = word.Count(IsSyllable);
                var previousFinal = -1;
                var index = 0;
                foreach (var c in word)
                {
                    if (!IsSyllable(c))
                    {
                        builder.Append(c);
                        previousFinal = -1;
                        continue;
                    }

                    var code = c - '\uAC00';
                    var (initial, vowel, final) = (code / 588, code % 588 / 28, code % 28);
                    var usual = surname && index == 0 && syllables is 1 or 2 or 3 && Surnames.TryGetValue(c, out var spelt) ? spelt : null;

                    // McCune–Reischauer voices k, t, p, ch between voiced sounds inside a word, not across a surname.
                    var voiced = previousFinal is 0 or 4 or 8 or 16 or 21 && !(index == 1 && syllables == 3);
                    var onset = (voiced ? scheme.InitialVoiced : scheme.Initial)[initial];
                    if (ReferenceEquals(scheme, McCuneReischauer) && initial == 9 && vowel is 20 or 16)
                    {
                        onset = "sh";
                    }

                    var nucleus = ReferenceEquals(scheme, Passport) && ((final == 21 && vowel is 4 or 6) || (c == '현')) ? (vowel == 4 ? "u" : initial == 18 ? "yu" : "you") : scheme.Vowel[vowel];
                    if (ReferenceEquals(scheme, PassportGiven))
                    {
                        // 철 Chul, 혁 Hyuk, 경 Kyung, 영 Young, 희 Hee; a ㄱ that starts the name is k (Kyung-ho, Kwang-su).
                        nucleus = (vowel, final, initial) switch
                        {
                            (6, 21, 11) => "you",
                            (4, > 0, _) => "u",
                            (6, > 0, _) => "yu",
                            (19, _, 18) => "ee",
                            _ => nucleus,
                        };
                        onset = index == 0 && initial == 0 ? "k" : onset;
                    }

                    builder.Append(' ').Append(usual ?? onset + nucleus + scheme.Final[final]);
                    previousFinal = final;
                    index++;
                }

                builder.Append(' ');
            }

            return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    /// <summary>
    /// Arabic names: the common English spellings of the names most often met (محمد Mohammed,
    /// Muhammad, Mohamed), since Arabic writes no short vowels; other words letter by letter.
    /// </summary>
    public static class Arabic
    {
        private static readonly Dictionary<string, string[]> Names = new()
        {
            ["محمد"] = ["mohammed", "muhammad", "mohamed", "mohammad"],
            ["أحمد"] = ["ahmed", "ahmad"],
            ["احمد"] = ["ahmed", "ahmad"],
            ["محمود"] = ["mahmoud", "mahmud"],
            ["مصطفى"] = ["mustafa", "moustafa", "mostafa"],
            ["علي"] = ["ali"],
            ["عمر"] = ["omar", "umar"],
            ["عثمان"] = ["othman", "osman", "uthman"],
            ["حسن"] = ["hassan", "hasan"],
            ["حسين"] = ["hussein", "hussain", "husain", "hossein"],
            ["خالد"] = ["khaled", "khalid"],
            ["يوسف"] = ["youssef", "yusuf", "yousef"],
            ["إبراهيم"] = ["ibrahim", "ebrahim"],
            ["ابراهيم"] = ["ibrahim", "ebrahim"],
            ["عبدالله"] = ["abdullah", "abdallah", "abd allah"],
            ["عبدالرحمن"] = ["abdulrahman", "abdelrahman", "abd al rahman", "abdurrahman"],
            ["عبدالعزيز"] = ["abdulaziz", "abdelaziz", "abd al aziz"],
            ["عبدالكريم"] = ["abdulkarim", "abdelkarim", "abd al karim"],
            ["سعيد"] = ["saeed", "said", "saied"],
            ["سعد"] = ["saad", "sad"],
            ["فيصل"] = ["faisal", "faysal"],
            ["سلمان"] = ["salman"],
            ["سلطان"] = ["sultan"],
            ["فهد"] = ["fahad", "fahd"],
            ["ناصر"] = ["nasser", "nasir"],
            ["طارق"] = ["tarek", "tariq"],
            ["كريم"] = ["karim", "kareem"],
            ["جمال"] = ["jamal", "gamal"],
            ["ياسر"] = ["yasser", "yasir"],
            ["عادل"] = ["adel", "adil"],
            ["وليد"] = ["walid", "waleed"],
            ["هشام"] = ["hisham", "hesham"],
            ["ماجد"] = ["majed", "majid"],
            ["نور"] = ["nour", "noor", "nur"],
            ["فاطمة"] = ["fatima", "fatma", "fatimah"],
            ["عائشة"] = ["aisha", "aysha", "aicha"],
            ["مريم"] = ["maryam", "mariam"],
            ["خديجة"] = ["khadija", "khadijah"],
            ["زينب"] = ["zainab", "zeinab", "zaynab"],
            ["سارة"] = ["sara", "sarah"],
            ["ليلى"] = ["layla", "leila", "laila"],
            ["هند"] = ["hind"],
            ["منى"] = ["mona", "muna"],
            ["الشمري"] = ["al shammari", "alshammari", "el shammari"],
            ["العتيبي"] = ["al otaibi", "alotaibi", "al utaybi"],
            ["القحطاني"] = ["al qahtani", "alqahtani", "al kahtani"],
            ["الغامدي"] = ["al ghamdi", "alghamdi"],
            ["الزهراني"] = ["al zahrani", "alzahrani", "az zahrani"],
            ["الحربي"] = ["al harbi", "alharbi"],
            ["الدوسري"] = ["al dosari", "aldosari", "al dossary"],
            ["المصري"] = ["al masri", "el masry", "elmasry"],
            ["الزهراء"] = ["al zahra", "alzahraa", "al zahraa"],
        };

        // A listed name of one word in every spelling (محمد Mohammed, Muhammad), by its first spelling: a consonant
        // skeleton cannot tell it from its neighbours (محمد and محمود are both m-h-m-d), its list can.
        private static readonly Dictionary<string, string> SingleWordNames =
            Names.Where(n => n.Value.All(s => !s.Contains(' ', StringComparison.Ordinal))).ToDictionary(n => n.Key, n => n.Value[0]);

        private static readonly Dictionary<string, string> BySpelling =
            SingleWordNames.SelectMany(n => Names[n.Key].SelectMany(s => new[] { s, NameStandardization.FoldSpellings(s) }).Distinct().Select(s => (s, n.Value)))
                .DistinctBy(p => p.s).ToDictionary(p => p.s, p => p.Value);

        /// <summary>The first spelling of a listed one-word name written in Arabic letters (Persian ی and ک read as ي and ك), or null.</summary>
        public static string? ListedName(string word) =>
            SingleWordNames.GetValueOrDefault(word.Replace('ی', 'ي').Replace('ک', 'ك'));

        /// <summary>The first spelling of the listed one-word name a word in Latin letters is a spelling of (Muhammad: Mohammed), or null.</summary>
        public static string? ListedNameOf(string latin) => BySpelling.GetValueOrDefault(latin);

        public static IEnumerable<Spelling> Spellings(IReadOnlyList<string> text)
        {
            var words = text.ToList();
            for (var i = 0; i < words.Count - 1; i++)
            {
                // عبد الله, عبد الرحمن: "servant of" and the name it is joined with are one name.
                if (words[i] == "عبد" && words[i + 1].StartsWith("ال", StringComparison.Ordinal))
                {
                    words[i] += words[i + 1];
                    words.RemoveAt(i + 1);
                }
            }

            var choices = words.Select(w => LegalForms.IsNativeForm(w) ? [w] : Choices(w)).ToList();
            var count = choices.Max(c => c.Length);
            for (var k = 0; k < count; k++)
            {
                yield return new Spelling(k == 0 ? "ar-common" : $"ar-common-{k + 1}", string.Join(' ', choices.Select(c => c[Math.Min(k, c.Length - 1)])));
            }
        }

        private static string[] Choices(string word)
        {
            if (Names.TryGetValue(word, out var known))
            {
                return known;
            }

            var letters = Transform("ar-common", ArabicCommon, word);
            return word.StartsWith("عبدال", StringComparison.Ordinal) && letters.Length > 5
                ? ["abdul" + letters[5..], "abdel" + letters[5..], "abd al " + letters[5..]]
                : [letters.Transliterate()];
        }
    }
}
