namespace GidSandbox.Matching;

/// <summary>
/// The trade words company names end in, written in Han, kana or Hangul, and the English words
/// the same companies use abroad (电子 and 電子 Electronics, 工業 Industries, 화학 Chemical,
/// ホールディングス Holdings), with the Japanese reading of the kanji ones (電機 Denki, 工業 Kogyo)
/// (docs/matching.md, "Romanisations"). A company's name in its own script is also read with them
/// translated (<see cref="Translated"/>), in each of the English word's usual forms, so 华信科技
/// meets Huaxin Technology and Huaxin Technologies; names written in Latin letters are not folded
/// (Helix Industries and Helix Industrial may be two companies).
/// </summary>
public static class TradeWords
{
    // (as written, in English, the Japanese reading when the word is written so in Japanese).
    private static readonly (string Native, string English, string? Japanese)[] Entries =
    [
        // Han: simplified Chinese, traditional Chinese and Japanese forms.
        ("科技", "technology", null), ("技术", "technology", null), ("技術", "technology", "gijutsu"),
        ("电子", "electronics", null), ("電子", "electronics", "denshi"),
        ("电机", "electric", null), ("電機", "electric", "denki"), ("电气", "electric", null), ("電氣", "electric", null), ("電気", "electric", "denki"),
        ("工业", "industries", null), ("工業", "industries", "kogyo"), ("重工业", "heavy industries", null), ("重工業", "heavy industries", "jukogyo"),
        ("重工", "heavy industries", "juko"), ("产业", "industries", null), ("產業", "industries", null), ("産業", "industries", "sangyo"),
        ("实业", "industrial", null), ("實業", "industrial", null), ("興業", "industries", "kogyo"),
        ("化学", "chemical", "kagaku"), ("化學", "chemical", null), ("化工", "chemical", null), ("化成", "chemical", "kasei"),
        ("制药", "pharmaceutical", null), ("製藥", "pharmaceutical", null), ("製薬", "pharmaceutical", "seiyaku"),
        ("药业", "pharmaceutical", null), ("藥業", "pharmaceutical", null), ("医药", "pharmaceutical", null), ("醫藥", "pharmaceutical", null),
        ("医薬", "pharmaceutical", "iyaku"), ("薬品", "pharmaceutical", "yakuhin"),
        ("汽车", "motor", null), ("汽車", "motor", null), ("自動車", "motor", "jidosha"),
        ("精密", "precision", "seimitsu"), ("水产", "fisheries", null), ("水產", "fisheries", null), ("水産", "fisheries", "suisan"), ("机械", "machinery", null), ("機械", "machinery", "kikai"),
        ("建设", "construction", null), ("建設", "construction", "kensetsu"), ("建筑", "construction", null), ("建築", "construction", "kenchiku"),
        ("钢铁", "steel", null), ("鋼鐵", "steel", null), ("鉄鋼", "steel", "tekko"), ("製鉄", "steel", "seitetsu"),
        ("纺织", "textile", null), ("紡織", "textile", null), ("繊維", "textile", "seni"),
        ("食品", "foods", "shokuhin"), ("贸易", "trading", null), ("貿易", "trading", "boeki"), ("商事", "trading", "shoji"),
        ("银行", "bank", null), ("銀行", "bank", "ginko"), ("保险", "insurance", null), ("保險", "insurance", null), ("保険", "insurance", "hoken"),
        ("证券", "securities", null), ("證券", "securities", null), ("証券", "securities", "shoken"),
        ("控股", "holdings", null), ("集团", "group", null), ("集團", "group", null), ("集団", "group", "shudan"),
        ("投资", "investment", null), ("投資", "investment", "toshi"), ("能源", "energy", null),
        ("材料", "materials", "zairyo"), ("光学", "optical", "kogaku"), ("光學", "optical", null),
        ("半导体", "semiconductor", null), ("半導體", "semiconductor", null), ("半導体", "semiconductor", "handotai"),
        ("通信", "communications", "tsushin"), ("网络", "network", null), ("網絡", "network", null),
        ("软件", "software", null), ("軟件", "software", null), ("物流", "logistics", "butsuryu"),
        ("医疗", "medical", null), ("醫療", "medical", null), ("医療", "medical", "iryo"),
        ("仪器", "instruments", null), ("儀器", "instruments", null), ("电力", "power", null), ("電力", "power", "denryoku"),
        ("石油", "petroleum", "sekiyu"), ("矿业", "mining", null), ("礦業", "mining", null), ("鉱業", "mining", "kogyo"),
        ("国际", "international", null), ("國際", "international", null), ("国際", "international", "kokusai"),
        ("工程", "engineering", null), ("开发", "development", null), ("開發", "development", null), ("開発", "development", "kaihatsu"),
        ("航空", "airlines", "koku"), ("海运", "shipping", null), ("海運", "shipping", "kaiun"), ("造船", "shipbuilding", "zosen"),
        ("製紙", "paper", "seishi"), ("造纸", "paper", null), ("印刷", "printing", "insatsu"), ("运输", "transport", null), ("運輸", "transport", "unyu"),

        // Katakana: the English words Japanese companies write in kana.
        ("ホールディングス", "holdings", null), ("グループ", "group", null), ("テクノロジーズ", "technologies", null), ("テクノロジー", "technology", null),
        ("システムズ", "systems", null), ("システム", "systems", null), ("エレクトロニクス", "electronics", null), ("ケミカル", "chemical", null),
        ("マテリアルズ", "materials", null), ("マテリアル", "materials", null), ("エンジニアリング", "engineering", null),
        ("インターナショナル", "international", null), ("モーターズ", "motors", null), ("フーズ", "foods", null), ("ファーマ", "pharma", null),
        ("ソリューションズ", "solutions", null), ("ネットワークス", "networks", null), ("ロボティクス", "robotics", null),

        // Hangul.
        ("전자", "electronics", null), ("전기", "electric", null), ("화학", "chemical", null), ("제약", "pharmaceutical", null),
        ("약품", "pharmaceutical", null), ("산업", "industries", null), ("공업", "industries", null), ("중공업", "heavy industries", null),
        ("기술", "technology", null), ("테크놀로지", "technology", null), ("테크", "tech", null), ("자동차", "motor", null), ("모터스", "motors", null),
        ("정밀", "precision", null), ("기계", "machinery", null), ("건설", "construction", null), ("상사", "trading", null), ("무역", "trading", null),
        ("은행", "bank", null), ("보험", "insurance", null), ("증권", "securities", null), ("식품", "foods", null), ("제철", "steel", null),
        ("철강", "steel", null), ("통신", "telecom", null), ("소재", "materials", null), ("반도체", "semiconductor", null),
        ("에너지", "energy", null), ("시스템", "systems", null), ("홀딩스", "holdings", null), ("그룹", "group", null), ("해운", "shipping", null),
        ("항공", "airlines", null), ("제지", "paper", null), ("섬유", "textile", null), ("의료", "medical", null), ("광학", "optical", null),
        ("개발", "development", null), ("엔지니어링", "engineering", null), ("인터내셔널", "international", null), ("네트웍스", "networks", null),
        ("로보틱스", "robotics", null), ("일렉트로닉스", "electronics", null), ("케미칼", "chemical", null), ("머티리얼즈", "materials", null),
        ("물류", "logistics", null), ("전력", "power", null),
    ];

    // Longest first, so 重工業 is taken before 工業 and テクノロジーズ before テクノロジー.
    private static readonly (string Native, string English, string? Japanese)[] ByLength =
        [.. Entries.OrderByDescending(e => e.Native.Length)];

    // The forms an English trade word is written in (Technology, Technologies, Tech): each is one more reading.
    private static readonly Dictionary<string, string[]> Forms = new(StringComparer.Ordinal)
    {
        ["technology"] = ["technology", "technologies", "tech"],
        ["industries"] = ["industries", "industrial", "industry"],
        ["industrial"] = ["industrial", "industries", "industry"],
        ["chemical"] = ["chemical", "chemicals"],
        ["pharmaceutical"] = ["pharmaceutical", "pharmaceuticals", "pharma"],
        ["electronics"] = ["electronics", "electronic"],
        ["electric"] = ["electric", "electrical"],
        ["motor"] = ["motor", "motors", "automobile"],
        ["materials"] = ["materials", "material"],
        ["machinery"] = ["machinery", "machine"],
        ["heavy industries"] = ["heavy industries", "heavy industry"],
        ["systems"] = ["systems", "system"],
        ["instruments"] = ["instruments", "instrument"],
        ["semiconductor"] = ["semiconductor", "semiconductors"],
        ["communications"] = ["communications", "communication"],
        ["network"] = ["network", "networks"],
        ["textile"] = ["textile", "textiles"],
        ["foods"] = ["foods", "food"],
        ["holdings"] = ["holdings", "holding"],
        ["airlines"] = ["airlines", "airline"],
    };

    // At most this many English readings of one name (a name of several trade words multiplies their forms).
    private const int MostReadings = 12;

    /// <summary>
    /// The name with the trade words that end its words written in English, in each of their usual
    /// forms (at most 12 readings), and, when <paramref name="japanese"/>, with the kanji ones in
    /// their Japanese reading (null when one has none); the stems and legal forms stay in their
    /// script. Null when no word ends in a trade word.
    /// </summary>
    public static (IReadOnlyList<string> English, string? Japanese)? Translated(IReadOnlyList<string> words, bool japanese)
    {
        var slots = new List<string[]>();
        var reading = new List<string>();
        var found = false;
        var readable = true;
        foreach (var word in words)
        {
            var stem = word;
            var englishTail = new List<string[]>();
            var readingTail = new List<string>();
            while (!LegalForms.IsNativeForm(word)
                && Array.Find(ByLength, e => stem.Length > e.Native.Length && stem.EndsWith(e.Native, StringComparison.Ordinal)) is { Native: not null } entry)
            {
                stem = stem[..^entry.Native.Length];
                englishTail.Insert(0, Forms.GetValueOrDefault(entry.English) ?? [entry.English]);
                readingTail.Insert(0, entry.Japanese ?? entry.English);
                readable &= entry.Japanese is not null || entry.Native.All(c => c is >= '\u30A0' and <= '\u30FF');
            }

            found |= englishTail.Count > 0;
            slots.Add([stem]);
            slots.AddRange(englishTail);
            reading.Add(string.Join(' ', readingTail.Prepend(stem)));
        }

        if (!found)
        {
            return null;
        }

        IEnumerable<string> english = [""];
        foreach (var slot in slots)
        {
            english = english.SelectMany(e => slot.Select(s => e.Length == 0 ? s : e + " " + s));
        }

        return ([.. english.Take(MostReadings)], japanese && readable ? string.Join(' ', reading) : null);
    }
}
