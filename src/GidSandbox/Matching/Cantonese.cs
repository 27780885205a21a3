namespace GidSandbox.Matching;

/// <summary>
/// Chinese names as Hong Kong and Macau write them in Latin letters (docs/matching.md, "Romanisations"): in the Hong
/// Kong government's Cantonese romanisation of identity cards (陳大文 Chan Tai Man, 張嘉慧 Cheung Ka Wai), where pinyin
/// and Wade–Giles read them in Mandarin (Chen Dawen). From a list of the surnames and the characters of given names
/// most often met, traditional and simplified; a name with a character outside the list has no such reading.
/// </summary>
public static class Cantonese
{
    // Each line: a reading, then the characters read so (traditional and simplified).
    private const string Readings = """
        au 區区歐欧; cham 湛; chan 陳陈; chau 鄒邹秋; che 車车; cheng 鄭郑; cheong 昌; cheuk 卓; cheung 張张祥; chi 志智芝慈知; chik 植; chin 展錢钱;
        ching 程正清貞贞靜静晴菁晶澄呈禎祯楨; chiu 趙赵招超; cho 曹祖; choi 蔡財财彩; chow 周; chu 朱; chui 翠; chun 俊振珍春進进峻駿骏晉晋; chung 鍾钟中忠聰聪松頌颂宗; fai 輝辉;
        fan 范範; fat 發发; fok 霍; fong 方芳; fu 傅富; fuk 福; fun 芬; fung 馮冯鳳凤峰; ha 夏霞; han 嫻娴; hang 恆恒; hau 侯孝; hei 希曦; heung 向;
        hin 軒轩; hing 興兴慶庆卿; hiu 曉晓; ho 何浩豪皓灝灏; hoi 海凱凯; hon 韓韩漢汉; hong 康; hui 許许; hung 洪熊孔雄鴻鸿; ka 家嘉加珈; kai 啟启佳; kam 甘金錦锦;
        kan 簡简; kei 紀纪基琪; keung 強强; kin 建健堅坚鍵键乾; king 景敬; kit 傑杰潔洁結结; kiu 嬌娇; ko 高; kong 江; ku 古; kuen 娟權权; kwai 季貴贵;
        kwan 關关君坤; kwok 郭國国; kwong 鄺邝光; lai 黎賴赖麗丽禮礼; lam 林藍蓝琳; lan 蘭兰; lau 劉刘; law 羅罗; lee 李利; lei 莉; leung 梁; lin 練练蓮莲;
        ling 凌玲鈴铃靈灵; liu 廖; lo 盧卢勞劳; lok 樂乐; long 朗; luen 聯联; lui 雷呂吕; luk 陸陆; lun 倫伦; lung 龍龙; ma 馬马; mak 麥麦; man 文萬万民敏雯; mei 美媚薇微;
        ming 明銘铭鳴鸣; miu 妙苗; mok 莫; mui 梅妹玫; ng 吳吴伍; nga 雅; ngai 魏危; ngan 顏颜銀银; ngo 娥; ning 寧宁; nip 聶聂; nok 諾诺; oi 愛爱; on 安;
        or 柯; pak 白柏; pan 彬; pang 彭鵬鹏; pau 包; pik 碧; ping 平萍冰炳; po 寶宝保; poon 潘; pui 佩沛蓓培珮; san 新; sau 秀壽寿; shan 山珊; shek 石;
        shing 成誠诚; shiu 邵兆; shu 樹树; shuk 淑; shun 信順顺淳純纯舜; sin 冼倩; sing 星勝胜; sit 薛; siu 小少笑紹绍肇; so 蘇苏素; suen 孫孙; suet 雪; sui 瑞;
        sum 岑沈心森琛深; sung 崇嵩; sze 史詩诗思; tai 戴大泰; tak 德; tam 譚谭; tang 鄧邓; tat 達达; tin 田天; ting 丁婷; to 陶; tong 唐湯汤; tsang 曾;
        tse 謝谢; tseung 蔣蒋; tsui 徐崔; tsz 子紫芷梓; tung 董東东冬; wah 華华; wai 偉伟慧惠威蕙煒炜瑋玮維维; wan 溫温尹雲云; wang 宏; wat 屈; wing 榮荣永穎颖詠咏;
        wo 和; wong 黃黄王汪; wu 胡; yam 任; yan 欣恩仁; yat 日溢逸一; yau 邱游; yee 儀仪綺绮義义; yeung 楊杨揚扬; yi 怡; yik 易; yim 嚴严; yin 燕賢贤;
        ying 英瑩莹; yip 葉叶業业; yiu 姚饒饶耀; yu 余宇; yuen 袁婉源遠远元圓圆; yuet 月; yuk 玉鈺钰; yun 潤润; yung 翁
        """;

    private static readonly Dictionary<string, string> Reading = Load();

    // The surnames of two characters, read as one: 歐陽 Au Yeung, 司徒 Szeto.
    private static readonly Dictionary<string, string> TwoCharacterSurnames = new(StringComparer.Ordinal)
    {
        ["歐陽"] = "au yeung",
        ["欧阳"] = "au yeung",
        ["司徒"] = "szeto",
        ["上官"] = "sheung kwun",
        ["諸葛"] = "chu kot",
        ["诸葛"] = "chu kot",
    };

    private static Dictionary<string, string> Load()
    {
        var reading = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Readings.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (latin, characters) = (entry[..entry.IndexOf(' ', StringComparison.Ordinal)], entry[(entry.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            foreach (var rune in characters.EnumerateRunes())
            {
                reading.TryAdd(rune.ToString(), latin);
            }
        }

        return reading;
    }

    /// <summary>A word of Han characters in Cantonese, syllable by syllable (a listed surname of two characters that starts it as one), or null when one is not listed.</summary>
    public static string? Of(string word)
    {
        var syllables = new List<string>();
        for (var i = 0; i < word.Length; i++)
        {
            if (i == 0 && word.Length >= 2 && TwoCharacterSurnames.TryGetValue(word[..2], out var surname))
            {
                syllables.Add(surname);
                i++;
            }
            else if (Reading.TryGetValue(word[i].ToString(), out var syllable))
            {
                syllables.Add(syllable);
            }
            else
            {
                return null;
            }
        }

        return string.Join(' ', syllables);
    }
}
