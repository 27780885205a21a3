using GidSandbox.Identities;
using GidSandbox.Matching;

namespace GidSandbox.Tests.Matching;

public class RomanisationTests
{
    private static string Spelling(string text, string scheme, IdentityKind kind = IdentityKind.NaturalPerson, string? country = null) =>
        Assert.Single(Romanisation.Spellings(text, kind, country), s => s.Scheme == scheme).Text;

    private static IEnumerable<StandardName> Readings(string text, string? country = null, IdentityKind kind = IdentityKind.NaturalPerson) =>
        NameStandardization.Readings(text, kind, country);

    // The readings two names share: what makes them meet in the exact-key lookup and score as one.
    private static List<StandardName> Shared(string query, string stored, string? country = null, IdentityKind kind = IdentityKind.NaturalPerson)
    {
        var storedKeys = Readings(stored, country, kind).SelectMany(r => r.ExactKeys).ToHashSet();
        return [.. Readings(query, null, kind).Where(r => r.ExactKeys.Any(storedKeys.Contains))];
    }

    [Theory]
    [InlineData("Горбачёв Михаил", "ru-german", "gorbatschow michail")]
    [InlineData("Горбачёв Михаил", "ru-passport", "gorbachev mikhail")]
    [InlineData("Щербаков Юрий", "ru-bgn-pcgn", "shcherbakov yuriy")]
    [InlineData("Щербаков Юрий", "ru-german", "schtscherbakow juri")]
    [InlineData("Щербаков Юрий", "ru-french", "chtcherbakov iouri")]
    [InlineData("Щербаков Юрий", "ru-passport", "shcherbakov iurii")]
    [InlineData("Щербаков Юрий", "ru-scholarly", "ščerbakov jurij")]
    [InlineData("Чайковский Пётр", "ru-german", "tschaikowski pjotr")]
    [InlineData("Чайковский Пётр", "ru-bgn-pcgn", "chaykovskiy pyotr")]
    [InlineData("Ельцин Борис", "ru-german", "jelzin boris")]
    [InlineData("Ельцин Борис", "ru-bgn-pcgn", "yeltsin boris")]
    [InlineData("Хрущёв Никита", "ru-german", "chruschtschow nikita")]
    public void russian_names_are_spelt_in_each_scheme_as_offices_write_them(string name, string scheme, string expected) =>
        Assert.Equal(expected, Spelling(name, scheme));

    [Fact]
    public void ukrainian_names_get_the_ukrainian_passport_and_german_spellings()
    {
        Assert.Equal("zelenskyi volodymyr", Spelling("Зеленський Володимир", "uk-passport", country: "UA"));
        Assert.Equal("selenskyj wolodymyr", Spelling("Зеленський Володимир", "uk-german", country: "UA"));
        Assert.Equal("shevchenko taras", Spelling("Шевченко Тарас", "uk-passport", country: "UA"));
        Assert.Equal("yivzhenko", Spelling("Ївженко", "uk-passport"));
        Assert.Equal("kovalchuk andrii", Spelling("Ковальчук Андрій", "uk-passport", country: "UA"));
    }

    [Fact]
    public void greek_names_are_spelt_as_passports_and_as_they_sound()
    {
        Assert.Equal("christos oikonomou", Spelling("Χρήστος Οικονόμου", "el-passport"));
        Assert.Equal("hristos ikonomou", Spelling("Χρήστος Οικονόμου", "el-phonetic"));
        Assert.Equal("evangelos", Spelling("Ευάγγελος", "el-passport"));
        Assert.Equal("papadópoulos", Spelling("Παπαδόπουλος", "el-ungegn"));
    }

    [Fact]
    public void korean_names_get_revised_romanization_mccune_reischauer_and_the_passport_surname()
    {
        Assert.Equal("bak seong min", Spelling("박성민", "ko-revised"));
        Assert.Equal("pak song min", Spelling("박성민", "ko-mccune-reischauer"));
        Assert.Equal("park sung min", Spelling("박성민", "ko-passport"));
        Assert.Equal("kim min jun", Spelling("김민준", "ko-mccune-reischauer"));
        Assert.Equal("i chi hun", Spelling("이지훈", "ko-mccune-reischauer"));
        Assert.Equal("jeong jae won", Spelling("정재원", "ko-revised"));
    }

    [Fact]
    public void kana_are_spelt_in_hepburn_kunrei_and_the_passports_long_o()
    {
        Assert.Equal("satou junichi", Spelling("さとう じゅんいち", "ja-hepburn"));
        Assert.Equal("satou zyuniti", Spelling("さとう じゅんいち", "ja-kunrei"));
        Assert.Equal("satoh junichi", Spelling("さとう じゅんいち", "ja-passport"));
        Assert.Equal("ohno shuhei", Spelling("おおの しゅうへい", "ja-passport"));
    }

    [Fact]
    public void han_gets_pinyin_with_tones_and_the_readings_surnames_take()
    {
        Assert.Equal("wáng wěi", Spelling("王伟", "zh-pinyin"));
        Assert.Equal("zēng", Spelling("曾", "zh-pinyin"));
    }

    [Fact]
    public void arabic_names_get_their_common_spellings()
    {
        Assert.Equal("mohammed abdullah", Spelling("محمد عبد الله", "ar-common"));
        Assert.Equal("muhammad abdallah", Spelling("محمد عبد الله", "ar-common-2"));
        Assert.Equal("khaled al shammari", Spelling("خالد الشمري", "ar-common"));
    }

    [Theory]
    [InlineData("अमिताभ बच्चन", "in-common", "amitabh bachchan")] // the inherent vowel unsaid at the end, c as ch
    [InlineData("कृष्ण मिश्र", "in-common", "krishna mishra")] // but said after a cluster; r̥ ri, ṣ and ś sh
    [InlineData("अमरजीत कौर", "in-common", "amarjit kaur")] // and inside a word between a vowel and consonant and a consonant and vowel
    [InlineData("अमरजीत कौर", "in-popular", "amarjeet kaur")] // a long ī inside a word as ee
    [InlineData("मनमोहन सिंह", "in-common", "manmohan singh")] // the anusvara before h as ng
    [InlineData("ਹਰਪ੍ਰੀਤ ਸਿੰਘ", "in-popular", "harpreet singh")] // Gurmukhi's tippi; the vowel before pr unsaid
    [InlineData("সৌমিত্র চট্টোপাধ্যায়", "in-common", "saumitra chattopadhyay")] // Bengali
    [InlineData("செந்தில் முருகன்", "in-common", "senthil murukan")] // Tamil த th, ச s
    [InlineData("செந்தில் முருகன்", "in-popular", "senthil murugan")] // and க inside a word g, as said
    [InlineData("ಅನಿಲ್ ಕುಂಬ್ಳೆ", "in-common", "anil kumble")] // Kannada: the anusvara before b as m; no inherent vowel dropped in the south
    [InlineData("ഉണ്ണികൃഷ്ണൻ", "in-common", "unnikrishnan")] // Malayalam's chillu ൻ
    public void indian_names_are_spelt_as_indian_records_write_them(string name, string scheme, string expected) =>
        Assert.Equal(expected, Spelling(name, scheme, country: "IN"));

    [Fact]
    public void an_indian_companys_native_legal_form_is_recognised_in_its_spelling()
    {
        var shared = Shared("Surya Pharma Pvt. Ltd.", "सूर्या फार्मा प्राइवेट लिमिटेड", "IN", IdentityKind.LegalEntity);
        Assert.Contains(shared, r => r.Key == "surya pharma" && r.LegalForm?.Form == "PVT");
        Assert.All(Readings("सूर्या फार्मा प्राइवेट लिमिटेड", "IN", IdentityKind.LegalEntity), r => Assert.Equal("PVT", r.LegalForm?.Form));
    }

    [Fact]
    public void a_serbian_dj_written_with_its_letter_meets_the_cyrillic_name()
    {
        Assert.Equal("Dragan Djurdjevic", Spelling("Dragan Đurđevic", "hbs-dj"));
        Assert.NotEmpty(Shared("Đurđević Dragan", "Драган Ђурђевић", "RS"));
    }

    [Theory]
    [InlineData("陳大文", "HK", "chan tai man")]
    [InlineData("张嘉慧", null, "cheung ka wai")] // simplified characters too
    [InlineData("歐陽志強", "MO", "au yeung chi keung")] // a surname of two characters
    public void hong_kong_names_are_spelt_in_cantonese_as_identity_cards_write_them(string name, string? country, string expected) =>
        Assert.Equal(expected, Spelling(name, "yue-hk", country: country));

    [Fact]
    public void a_chinese_name_elsewhere_or_with_a_character_outside_the_list_has_no_cantonese_reading()
    {
        Assert.DoesNotContain(Romanisation.Spellings("陳大文", IdentityKind.NaturalPerson, "CN"), s => s.Scheme == "yue-hk");
        Assert.DoesNotContain(Romanisation.Spellings("陳龘", IdentityKind.NaturalPerson, "HK"), s => s.Scheme == "yue-hk");
        Assert.NotEmpty(Shared("Tai Cheong Trading Company Limited", "大昌貿易有限公司", "HK", IdentityKind.LegalEntity));
    }

    [Fact]
    public void latin_names_have_no_romanisations()
    {
        Assert.Empty(Romanisation.Spellings("Jürgen Müller"));
        Assert.Empty(Romanisation.Spellings("ACME Widgets Corporation"));
    }

    [Theory]
    [InlineData("schtscherbakow", "shcherbakov")]
    [InlineData("scerbakov", "shcherbakov")]
    [InlineData("yuriy", "iurii")]
    [InlineData("tschaikowski", "chaikovskii")]
    [InlineData("sergejew", "sergeev")]
    [InlineData("wang2", "wang")]
    [InlineData("satoh", "sato")]
    [InlineData("jihoon", "jihun")]
    [InlineData("seoyeon", "soyon")]
    [InlineData("smirnoff", "smirnov")]
    [InlineData("homma", "honma")]
    public void folding_brings_the_spellings_of_other_schemes_together(string one, string other) =>
        Assert.Equal(Romanisation.Fold(one), Romanisation.Fold(other));

    [Theory]
    [InlineData("jang", "yang")]
    [InlineData("jelena", "elena")]
    [InlineData("ivanov", "ivanova")]
    public void folding_keeps_apart_what_schemes_do_not_confuse(string one, string other) =>
        Assert.NotEqual(Romanisation.Fold(one), Romanisation.Fold(other));

    [Theory]
    [InlineData("Schtscherbakow Juri", "Щербаков Юрий", "RU")]
    [InlineData("Shcherbakov Yuriy", "Щербаков Юрий", "RU")]
    [InlineData("Selenskyj Wolodymyr", "Зеленський Володимир", "UA")]
    [InlineData("Christos Oikonomou", "Χρήστος Οικονόμου", "GR")]
    [InlineData("Hristos Ikonomou", "Χρήστος Οικονόμου", "GR")]
    [InlineData("Pak Songmin", "박성민", "KR")]
    [InlineData("Park Sung-min", "박성민", "KR")]
    [InlineData("Inoue Syunsuke", "いのうえ しゅんすけ", "JP")]
    [InlineData("Ohno Shuhei", "おおの しゅうへい", "JP")]
    [InlineData("Muhammad Abdallah", "محمد عبد الله", "SA")]
    public void a_spelling_in_a_scheme_meets_the_name_stored_in_its_own_script(string query, string stored, string country) =>
        Assert.Contains(Shared(query, stored, country), r => !r.IsFolded);

    [Theory]
    [InlineData("Schtscherbakov Jurij", "Щербаков Юрий")]
    [InlineData("Kuznetsow Dmitrij", "Кузнецов Дмитрий")]
    [InlineData("Wang2 Wei3", "王伟")]
    [InlineData("Lee Ji-hoon", "이지훈")]
    public void a_spelling_mixing_schemes_meets_it_only_by_the_folded_key(string query, string stored)
    {
        var shared = Shared(query, stored);
        Assert.NotEmpty(shared);
        Assert.All(shared, r => Assert.True(r.IsFolded));
    }

    [Theory]
    [InlineData("Yang Minjun", "장민준")]
    [InlineData("Jang Seoyeon", "양서연")]
    [InlineData("Schtscherbakowa Jelena", "Щербакова Юлия")]
    [InlineData("Kuznetsova Dina", "Кузнецова Дарья")]
    [InlineData("Kato Kenji", "さとう けんじ")]
    [InlineData("Mahmoud Ali", "محمد علي")]
    [InlineData("Ivanova Svetlana", "Иванов Светлан")]
    public void near_misses_in_other_schemes_share_no_key(string query, string stored) =>
        Assert.Empty(Shared(query, stored));

    [Fact]
    public void a_folded_meeting_scores_below_an_exact_one_and_a_folded_near_miss_not_at_all()
    {
        var stored = Readings("Щербаков Юрий", "RU").ToList();
        var exact = Readings("Schtscherbakow Juri").Max(q => stored.Max(c => Scoring.ScoreName("Schtscherbakow Juri", q, "Щербаков Юрий", c, true, null, "RU").Score));
        var folded = Readings("Schtscherbakov Jurij").Max(q => stored.Max(c => Scoring.ScoreName("Schtscherbakov Jurij", q, "Щербаков Юрий", c, true, null, "RU").Score));
        Assert.Equal(1, exact);
        Assert.Equal(Scoring.RomanisationVariantScore, folded);

        var nearMiss = Readings("Schtscherbakow Jakow").Single(r => r.IsFolded);
        Assert.All(stored, c => Assert.Equal(0, Scoring.ScoreName("Schtscherbakow Jakow", nearMiss, "Щербаков Юрий", c, true, null, "RU").Score));
    }
}
