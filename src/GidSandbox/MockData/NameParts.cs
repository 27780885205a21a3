namespace GidSandbox.MockData;

/// <summary>A name part in its native script with its usual romanisation and a second one offices also use.</summary>
public sealed record NamePart(string Native, string Latin, string? OtherLatin = null);

/// <summary>
/// Common name parts for the scripts whose romanisation cannot be computed letter by letter
/// (Han, Japanese, Arabic, Hebrew, Thai, Devanagari and Korean given names). Combined at random,
/// they make names of no real person; the second romanisations are the variants real files show.
/// </summary>
public static class NameParts
{
    public static readonly NamePart[] JapaneseFamily =
    [
        new("佐藤", "Satō", "Satoh"), new("鈴木", "Suzuki"), new("高橋", "Takahashi"), new("田中", "Tanaka"),
        new("伊藤", "Itō", "Itoh"), new("渡辺", "Watanabe", "Watanabé"), new("山本", "Yamamoto"), new("中村", "Nakamura"),
        new("小林", "Kobayashi"), new("加藤", "Katō", "Katoh"), new("吉田", "Yoshida"), new("大野", "Ōno", "Ohno"),
    ];

    public static readonly NamePart[] JapaneseGiven =
    [
        new("太郎", "Tarō", "Taroh"), new("花子", "Hanako"), new("健", "Ken"), new("陽子", "Yōko", "Yohko"),
        new("大輔", "Daisuke"), new("翔", "Shō", "Sho"), new("美咲", "Misaki"), new("誠", "Makoto"),
        new("由美", "Yumi"), new("浩二", "Kōji", "Kohji"), new("恵", "Megumi"), new("修", "Osamu"),
    ];

    public static readonly NamePart[] JapaneseStems =
    [
        new("東光", "Tōkō", "Toko"), new("富士見", "Fujimi"), new("日進", "Nisshin"), new("北斗", "Hokuto"),
        new("明星", "Myōjō", "Myojo"), new("三和", "Sanwa"), new("朝霧", "Asagiri"), new("青葉", "Aoba"),
    ];

    public static readonly NamePart[] JapaneseTrades =
    [
        new("電機", "Denki", "Electric"), new("化学", "Kagaku", "Chemical"), new("精機", "Seiki", "Precision"),
        new("製作所", "Seisakusho", "Works"), new("工業", "Kōgyō", "Industries"), new("光学", "Kōgaku", "Optical"),
    ];

    public static readonly NamePart[] ChineseFamily =
    [
        new("王", "Wang"), new("李", "Li", "Lee"), new("张", "Zhang", "Chang"), new("刘", "Liu", "Lau"),
        new("陈", "Chen", "Chan"), new("杨", "Yang", "Yeung"), new("黄", "Huang", "Wong"), new("赵", "Zhao", "Chao"),
        new("周", "Zhou", "Chou"), new("吴", "Wu", "Ng"),
    ];

    public static readonly NamePart[] ChineseGiven =
    [
        new("伟", "Wei"), new("芳", "Fang"), new("娜", "Na"), new("敏", "Min"), new("静", "Jing", "Ching"),
        new("强", "Qiang", "Chiang"), new("磊", "Lei"), new("军", "Jun", "Chun"), new("洋", "Yang"), new("勇", "Yong", "Yung"),
        new("晓明", "Xiaoming", "Hsiao-ming"), new("建华", "Jianhua", "Chien-hua"), new("丽娟", "Lijuan", "Li-chuan"),
    ];

    public static readonly NamePart[] ChineseStems =
    [
        new("恒远", "Hengyuan"), new("鼎新", "Dingxin"), new("汇通", "Huitong"), new("星辰", "Xingchen"),
        new("蓝海", "Lanhai"), new("长青", "Changqing"), new("云帆", "Yunfan"), new("启明", "Qiming"),
    ];

    public static readonly NamePart[] ChineseTrades =
    [
        new("科技", "Keji", "Technology"), new("电子", "Dianzi", "Electronics"), new("化工", "Huagong", "Chemical"),
        new("机械", "Jixie", "Machinery"), new("生物", "Shengwu", "Biotech"), new("新材料", "Xincailiao", "New Materials"),
    ];

    public static readonly NamePart[] KoreanFamily =
    [
        new("김", "Kim", "Gim"), new("이", "Lee", "Yi"), new("박", "Park", "Bak"), new("최", "Choi", "Choe"),
        new("정", "Jung", "Jeong"), new("강", "Kang", "Gang"), new("조", "Cho", "Jo"), new("윤", "Yoon", "Yun"),
    ];

    public static readonly NamePart[] KoreanGiven =
    [
        new("민준", "Min-jun", "Minjun"), new("서연", "Seo-yeon", "Seoyeon"), new("지훈", "Ji-hoon", "Jihun"),
        new("수빈", "Su-bin", "Soobin"), new("현우", "Hyun-woo", "Hyeonu"), new("지민", "Ji-min", "Jimin"),
        new("은지", "Eun-ji", "Eunji"), new("성호", "Sung-ho", "Seongho"),
    ];

    public static readonly NamePart[] KoreanStems =
    [
        new("한빛", "Hanbit"), new("새롬", "Saerom"), new("미래", "Mirae"), new("누리", "Nuri"), new("가온", "Gaon"), new("해솔", "Haesol"),
    ];

    public static readonly NamePart[] KoreanTrades =
    [
        new("전자", "Electronics", "Jeonja"), new("화학", "Chemical", "Hwahak"), new("기계", "Machinery", "Gigye"), new("바이오", "Bio"),
    ];

    public static readonly NamePart[] ArabicFamily =
    [
        new("العتيبي", "Al-Otaibi", "Alotaibi"), new("القحطاني", "Al-Qahtani", "Alkahtani"), new("الشمري", "Al-Shammari", "Alshammary"),
        new("الحربي", "Al-Harbi", "Alharbi"), new("الغامدي", "Al-Ghamdi", "Alghamdi"), new("الدوسري", "Al-Dosari", "Aldossary"),
    ];

    public static readonly NamePart[] ArabicGiven =
    [
        new("محمد", "Mohammed", "Muhammad"), new("أحمد", "Ahmed", "Ahmad"), new("عبدالله", "Abdullah", "Abdallah"),
        new("فاطمة", "Fatima", "Fatimah"), new("نورة", "Noura", "Nora"), new("خالد", "Khalid", "Khaled"),
        new("سارة", "Sara", "Sarah"), new("يوسف", "Yousef", "Yusuf"),
    ];

    public static readonly NamePart[] ArabicStems =
    [
        new("النخبة", "Al-Nukhba", "Alnokhba"), new("الأفق", "Al-Ofoq", "Alufuq"), new("الرواد", "Al-Rowad", "Alruwad"), new("الوفاء", "Al-Wafa", "Alwafaa"),
    ];

    public static readonly NamePart[] HebrewFamily =
    [
        new("כהן", "Cohen", "Kohen"), new("לוי", "Levi", "Levy"), new("מזרחי", "Mizrahi", "Mizrachi"),
        new("פרץ", "Peretz", "Perez"), new("ביטון", "Biton", "Bitton"), new("אברהם", "Avraham", "Abraham"),
    ];

    public static readonly NamePart[] HebrewGiven =
    [
        new("יוסף", "Yosef", "Joseph"), new("שרה", "Sarah", "Sara"), new("דוד", "David"), new("מיכל", "Michal"),
        new("נועה", "Noa", "Noah"), new("אורי", "Uri", "Ori"),
    ];

    public static readonly NamePart[] HebrewStems =
    [
        new("אורות", "Orot"), new("גל", "Gal"), new("שחר", "Shahar", "Shachar"), new("אלון", "Alon"),
    ];

    public static readonly NamePart[] ThaiFamily =
    [
        new("ศรีสุข", "Srisuk", "Srisook"), new("วงศ์ไทย", "Wongthai", "Wongtai"), new("สุขสวัสดิ์", "Suksawat", "Suksawad"),
        new("แก้วมณี", "Kaewmanee", "Kaewmani"), new("ทองดี", "Thongdee", "Tongdee"), new("ใจดี", "Jaidee", "Chaidi"),
    ];

    public static readonly NamePart[] ThaiGiven =
    [
        new("สมชาย", "Somchai"), new("สมศรี", "Somsri"), new("วิชัย", "Wichai", "Vichai"), new("มาลี", "Malee", "Mali"),
        new("ประเสริฐ", "Prasert", "Prasoet"), new("นภา", "Napha", "Naphaa"),
    ];

    public static readonly NamePart[] ThaiStems =
    [
        new("รุ่งเรืองไทย", "Rungruang Thai", "Roongruang Thai"), new("สยามพัฒนา", "Siam Phatthana", "Siam Pattana"), new("ศรีเจริญ", "Sri Charoen", "Sri Charern"),
    ];

    public static readonly NamePart[] HindiFamily =
    [
        new("शर्मा", "Sharma"), new("वर्मा", "Verma", "Varma"), new("गुप्ता", "Gupta"), new("सिंह", "Singh"),
        new("पटेल", "Patel"), new("जोशी", "Joshi"),
    ];

    public static readonly NamePart[] HindiGiven =
    [
        new("राहुल", "Rahul"), new("प्रिया", "Priya"), new("अमित", "Amit"), new("सुनीता", "Sunita", "Suneeta"),
        new("विकास", "Vikas", "Vikash"), new("अनीता", "Anita", "Aneeta"),
    ];

    public static readonly NamePart[] HindiStems =
    [
        new("सूर्योदय", "Suryoday", "Suryodaya"), new("नवोदय", "Navoday", "Navodaya"), new("गंगोत्री", "Gangotri"), new("सह्याद्रि", "Sahyadri"),
    ];

    /// <summary>Words of institution names, in English, for the Latin form of universities and institutes.</summary>
    public static readonly string[] Fields =
    [
        "Materials Science", "Photonics", "Applied Chemistry", "Battery Research", "Marine Biology", "Robotics", "Agritech", "Quantum Devices",
    ];
}
