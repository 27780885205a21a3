namespace GidSandbox.Matching;

/// <summary>
/// The Hepburn readings of the most common Japanese surnames and given names written in kanji
/// (docs/matching.md, "Romanisations"): ICU and AnyAscii read kanji as Mandarin, so 山田太郎 stored
/// alone never met Yamada Taro. A name is read only when every part of it is in these lists; a
/// surname with two usual readings (中島 Nakajima, Nakashima) gives both.
/// </summary>
public static class JapaneseNames
{
    private static readonly Dictionary<string, string[]> Surnames = Parse("""
        佐藤 sato; 鈴木 suzuki; 高橋 takahashi; 田中 tanaka; 伊藤 ito; 渡辺 watanabe; 渡邊 watanabe; 渡邉 watanabe; 渡部 watanabe;
        山本 yamamoto; 中村 nakamura; 小林 kobayashi; 加藤 kato; 吉田 yoshida; 山田 yamada; 佐々木 sasaki; 山口 yamaguchi;
        松本 matsumoto; 井上 inoue; 木村 kimura; 林 hayashi; 斎藤 saito; 斉藤 saito; 齋藤 saito; 齊藤 saito; 清水 shimizu;
        山崎 yamazaki,yamasaki; 森 mori; 池田 ikeda; 橋本 hashimoto; 阿部 abe; 石川 ishikawa; 山下 yamashita; 中島 nakajima,nakashima;
        石井 ishii; 小川 ogawa; 前田 maeda; 岡田 okada; 長谷川 hasegawa; 藤田 fujita; 後藤 goto; 近藤 kondo; 村上 murakami;
        遠藤 endo; 青木 aoki; 坂本 sakamoto; 福田 fukuda; 太田 ota; 西村 nishimura; 藤井 fujii; 金子 kaneko; 岡本 okamoto;
        藤原 fujiwara; 中野 nakano; 三浦 miura; 原田 harada; 中川 nakagawa; 松田 matsuda; 竹内 takeuchi; 小野 ono; 田村 tamura;
        中山 nakayama; 和田 wada; 石田 ishida; 森田 morita; 上田 ueda; 原 hara; 内田 uchida; 柴田 shibata; 酒井 sakai;
        宮崎 miyazaki; 横山 yokoyama; 高木 takagi; 安藤 ando; 宮本 miyamoto; 大野 ono; 小島 kojima; 谷口 taniguchi; 今井 imai;
        工藤 kudo; 高田 takada; 増田 masuda; 丸山 maruyama; 杉山 sugiyama; 村田 murata; 大塚 otsuka; 新井 arai; 小山 koyama;
        平野 hirano; 藤本 fujimoto; 河野 kono,kawano; 上野 ueno; 野口 noguchi; 武田 takeda; 松井 matsui; 千葉 chiba; 岩崎 iwasaki;
        菅原 sugawara; 木下 kinoshita; 久保 kubo; 佐野 sano; 野村 nomura; 松尾 matsuo; 市川 ichikawa; 菊地 kikuchi; 菊池 kikuchi;
        杉本 sugimoto; 古川 furukawa; 大西 onishi; 島田 shimada; 水野 mizuno; 桜井 sakurai; 櫻井 sakurai; 高野 takano; 吉川 yoshikawa;
        山内 yamauchi; 西田 nishida; 飯田 iida; 菅野 sugano,kanno; 秋山 akiyama; 服部 hattori; 中田 nakata; 本田 honda; 豊田 toyoda;
        松下 matsushita; 北村 kitamura; 小松 komatsu; 野田 noda; 大橋 ohashi; 石原 ishihara; 荒木 araki; 浅野 asano; 宮田 miyata;
        川口 kawaguchi; 辻 tsuji; 関 seki; 西川 nishikawa; 平田 hirata; 片山 katayama; 本間 honma; 中西 nakanishi; 小池 koike;
        星野 hoshino; 堀 hori; 黒田 kuroda; 永井 nagai; 川村 kawamura; 森本 morimoto; 福島 fukushima; 松岡 matsuoka; 内藤 naito;
        安田 yasuda; 岩田 iwata; 小西 konishi; 土屋 tsuchiya; 三宅 miyake; 佐久間 sakuma; 早川 hayakawa; 吉村 yoshimura;
        宮川 miyagawa; 大久保 okubo; 田辺 tanabe; 松村 matsumura; 野崎 nozaki; 桑原 kuwahara; 川崎 kawasaki; 三井 mitsui;
        住友 sumitomo; 三菱 mitsubishi; 日立 hitachi; 東芝 toshiba; 日本 nippon,nihon; 東京 tokyo; 大阪 osaka; 京都 kyoto;
        名古屋 nagoya; 横浜 yokohama; 北海道 hokkaido; 九州 kyushu; 北海 hokkai; 東洋 toyo; 富士 fuji; 旭 asahi; 朝日 asahi; 大和 yamato
        """);

    private static readonly Dictionary<string, string[]> GivenNames = Parse("""
        太郎 taro; 次郎 jiro; 二郎 jiro; 三郎 saburo; 一郎 ichiro; 健一 kenichi; 健二 kenji; 健太 kenta; 健 ken; 翔太 shota;
        翔 sho; 大輔 daisuke; 大介 daisuke; 大樹 daiki; 拓也 takuya; 直樹 naoki; 和也 kazuya; 達也 tatsuya; 哲也 tetsuya;
        浩 hiroshi; 博 hiroshi; 弘 hiroshi; 誠 makoto; 隆 takashi; 孝 takashi; 修 osamu; 茂 shigeru; 学 manabu; 聡 satoshi;
        剛 tsuyoshi; 明 akira; 亮 ryo; 涼 ryo; 蓮 ren; 大翔 hiroto; 悠真 yuma; 湊 minato; 颯太 sota; 樹 itsuki; 悠人 yuto;
        陸 riku; 優斗 yuto; 拓海 takumi; 海斗 kaito; 一輝 kazuki; 和人 kazuto; 裕太 yuta; 雄太 yuta; 洋平 yohei; 康介 kosuke;
        浩二 koji; 清 kiyoshi; 勇 isamu; 進 susumu; 正 tadashi; 秀樹 hideki; 英樹 hideki; 雅人 masato; 正人 masato; 俊介 shunsuke;
        駿 shun; 淳 jun; 純一 junichi; 順一 junichi; 真一 shinichi; 慎一 shinichi; 信也 shinya; 智也 tomoya; 翼 tsubasa;
        隼人 hayato; 勝 masaru; 豊 yutaka; 実 minoru; 稔 minoru; 悟 satoru; 徹 toru; 亮太 ryota; 良太 ryota; 雄一 yuichi;
        祐一 yuichi; 裕一 yuichi; 賢治 kenji; 修一 shuichi; 周平 shuhei; 修平 shuhei; 大地 daichi; 健司 kenji; 浩之 hiroyuki;
        博之 hiroyuki; 和彦 kazuhiko; 正樹 masaki; 雅樹 masaki; 秀明 hideaki; 剛志 tsuyoshi; 圭 kei; 啓介 keisuke; 恵介 keisuke;
        花子 hanako; 陽子 yoko; 洋子 yoko; 恵子 keiko; 京子 kyoko; 幸子 sachiko; 和子 kazuko; 久美子 kumiko; 由美子 yumiko;
        真由美 mayumi; 智子 tomoko; 裕子 yuko; 優子 yuko; 直子 naoko; 明美 akemi; 美咲 misaki; 美穂 miho; 美紀 miki; 愛 ai;
        彩 aya; 綾 aya; 舞 mai; 麻衣 mai; 恵 megumi; 香織 kaori; 沙織 saori; 結衣 yui; 陽菜 hina; 結菜 yuna; 葵 aoi; 凛 rin;
        芽依 mei; 桜 sakura; 花 hana; 美優 miyu; 七海 nanami; 菜々子 nanako; 奈々 nana; 真理子 mariko; 由紀 yuki; 由香 yuka;
        理恵 rie; 千尋 chihiro; 明子 akiko; 亜希子 akiko; 順子 junko; 純子 junko; 典子 noriko; 紀子 noriko; 悦子 etsuko;
        節子 setsuko; 美香 mika; 瞳 hitomi; 遥 haruka; 春香 haruka; 彩花 ayaka; 愛子 aiko; 真紀 maki; 麻美 asami; 加奈子 kanako;
        文子 fumiko; 玲子 reiko; 敦子 atsuko; 雅子 masako; 千秋 chiaki; 桃子 momoko; 里美 satomi; 聡子 satoko; 美奈子 minako;
        さくら sakura
        """);

    private static Dictionary<string, string[]> Parse(string list) =>
        list.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(e => e[0], e => e[1].Split(','), StringComparer.Ordinal);

    /// <summary>The readings of a surname (or a place and house name companies are named after), or null.</summary>
    public static string[]? Surname(string kanji) => Surnames.GetValueOrDefault(kanji);

    /// <summary>
    /// A person's name in kanji, surname first, spaced or glued (山田 太郎, 山田太郎), in Hepburn in each
    /// reading of its surname: empty unless both parts are in the lists. Glued, the surname must be
    /// of two kanji or more (a Chinese name of one-kanji surname is not read so).
    /// </summary>
    public static IEnumerable<string> Read(IReadOnlyList<string> words)
    {
        var (surname, given) = words.Count switch
        {
            2 => (words[0], words[1]),
            1 => Enumerable.Range(2, Math.Max(0, words[0].Length - 2)).Select(n => (words[0][..n], words[0][n..]))
                .FirstOrDefault(p => Surnames.ContainsKey(p.Item1) && GivenNames.ContainsKey(p.Item2)),
            _ => (null, null),
        };
        if (surname is null || given is null || Surname(surname) is not { } surnames || GivenNames.GetValueOrDefault(given) is not { } givens)
        {
            return [];
        }

        return surnames.SelectMany(s => givens.Select(g => s + " " + g));
    }
}
