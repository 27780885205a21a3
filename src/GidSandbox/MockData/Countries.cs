namespace GidSandbox.MockData;

/// <summary>A legal form of one jurisdiction: how the name shows it natively, in Latin script, and the variants files show.</summary>
/// <param name="Native">The name pattern in the country's script; {0} is the stem.</param>
/// <param name="Latin">The usual Latin pattern; {0} is the romanised stem.</param>
/// <param name="Elf">The ISO 20275 code where the sandbox knows it, else 8888 (a form not on the list).</param>
public sealed record LegalForm(string Native, string Latin, string Elf, params string[] LatinVariants);

/// <summary>How the mock world makes parties of one country.</summary>
/// <param name="Locale">The Bogus locale for names and addresses.</param>
/// <param name="Office">The participating office that country's parties file with first.</param>
/// <param name="Weight">How often the country appears, roughly as in international filings.</param>
public sealed record Country(
    string Code, string Locale, string Script, string Language, string Office, int Weight,
    LegalForm[] Forms, string[] Trades, string University, string Institute, string Government)
{
    public bool IsLatin => Script == "Latn";
}

public static class Countries
{
    private const string Other = "8888";

    public static readonly Country[] All =
    [
        new("JP", "ja", "Jpan", "ja", "JP", 14,
            [new("{0}株式会社", "{0} Kabushiki Kaisha", Other, "{0} K.K.", "{0} Co., Ltd.", "{0} KK"), new("{0}合同会社", "{0} Godo Kaisha", Other, "{0} G.K.", "{0} LLC")],
            [], "{0}大学", "{0}研究所", "{0}市役所"),
        new("CN", "zh_CN", "Hans", "zh", "CN", 12,
            [new("{0}有限公司", "{0} Co., Ltd.", Other, "{0} Company Limited", "{0} Co. Ltd", "{0} Co Ltd"), new("{0}股份有限公司", "{0} Corp., Ltd.", Other, "{0} Corporation Limited", "{0} Corp. Ltd")],
            [], "{0}大学", "{0}研究院", "{0}市人民政府"),
        new("KR", "ko", "Kore", "ko", "KR", 10,
            [new("주식회사 {0}", "{0} Co., Ltd.", Other, "{0} Corporation", "{0} Co. Ltd", "{0} Corp.")],
            [], "{0}대학교", "{0}연구원", "{0}시청"),
        new("SA", "ar", "Arab", "ar", "SA", 3,
            [new("شركة {0} المحدودة", "{0} Company Limited", Other, "{0} Co. Ltd", "{0} LLC", "{0} Co.")],
            [], "جامعة {0}", "معهد {0} للأبحاث", "أمانة {0}"),
        new("IL", "en", "Hebr", "he", "IB", 3,
            [new("{0} בע״מ", "{0} Ltd.", Other, "{0} Limited", "{0} Ltd")],
            [], "אוניברסיטת {0}", "מכון {0}", "עיריית {0}"),
        new("TH", "en", "Thai", "th", "IB", 2,
            [new("บริษัท {0} จำกัด", "{0} Co., Ltd.", Other, "{0} Company Limited", "{0} Co. Ltd")],
            [], "มหาวิทยาลัย{0}", "สถาบันวิจัย{0}", "เทศบาล{0}"),
        new("IN", "en_IND", "Deva", "hi", "IB", 5,
            [new("{0} प्राइवेट लिमिटेड", "{0} Private Limited", Other, "{0} Pvt. Ltd.", "{0} Pvt Ltd", "{0} Private Ltd")],
            [], "{0} विश्वविद्यालय", "{0} अनुसंधान संस्थान", "{0} नगर निगम"),
        new("GR", "el", "Grek", "el", "EP", 2,
            [new("{0} Α.Ε.", "{0} S.A.", Other, "{0} A.E.", "{0} SA")],
            [], "Πανεπιστήμιο {0}", "Ινστιτούτο {0}", "Δήμος {0}"),
        new("RU", "ru", "Cyrl", "ru", "IB", 3,
            [new("ООО «{0}»", "{0} LLC", Other, "OOO {0}", "OOO «{0}»", "{0} OOO"), new("АО «{0}»", "{0} JSC", Other, "AO {0}", "{0} AO")],
            [], "Университет {0}", "Институт {0}", "Администрация {0}"),
        new("UA", "uk", "Cyrl", "uk", "IB", 2,
            [new("ТОВ «{0}»", "{0} LLC", Other, "TOV {0}", "{0} TOV")],
            [], "Університет {0}", "Інститут {0}", "Міська рада {0}"),
        new("DE", "de", "Latn", "de", "DE", 9,
            [new("{0} GmbH", "{0} GmbH", "2HBR", "{0} G.m.b.H.", "{0} Gesellschaft mit beschränkter Haftung"), new("{0} AG", "{0} AG", "6QQB", "{0} Aktiengesellschaft", "{0} A.G.")],
            ["Präzisionstechnik", "Maschinenbau", "Chemie", "Elektronik", "Medizintechnik"], "Technische Hochschule {0}", "Institut für angewandte Forschung {0}", "Landesamt {0}"),
        new("FR", "fr", "Latn", "fr", "EP", 6,
            [new("{0} SAS", "{0} SAS", Other, "{0} S.A.S.", "{0} Société par actions simplifiée"), new("{0} SA", "{0} SA", Other, "{0} S.A.", "{0} Société anonyme")],
            ["Électronique", "Chimie", "Technologies", "Énergie", "Matériaux"], "Université de {0}", "Institut de recherche de {0}", "Préfecture de {0}"),
        new("ES", "es", "Latn", "es", "EP", 3,
            [new("{0} S.L.", "{0} S.L.", Other, "{0} SL", "{0} Sociedad Limitada"), new("{0} S.A.", "{0} S.A.", Other, "{0} SA", "{0} Sociedad Anónima")],
            ["Tecnologías", "Química", "Energía", "Ingeniería"], "Universidad de {0}", "Instituto de Investigación de {0}", "Ayuntamiento de {0}"),
        new("IT", "it", "Latn", "it", "EP", 4,
            [new("{0} S.p.A.", "{0} S.p.A.", Other, "{0} SpA", "{0} Società per Azioni"), new("{0} S.r.l.", "{0} S.r.l.", Other, "{0} Srl", "{0} S.R.L.")],
            ["Meccanica", "Farmaceutici", "Elettronica", "Tessile"], "Università di {0}", "Istituto di Ricerca di {0}", "Comune di {0}"),
        new("PL", "pl", "Latn", "pl", "EP", 2,
            [new("{0} sp. z o.o.", "{0} sp. z o.o.", Other, "{0} Sp. z o.o.", "{0} spółka z ograniczoną odpowiedzialnością")],
            ["Technologie", "Chemia", "Elektronika"], "Politechnika {0}", "Instytut Badawczy {0}", "Urząd Miasta {0}"),
        new("CZ", "cz", "Latn", "cs", "EP", 1,
            [new("{0} s.r.o.", "{0} s.r.o.", Other, "{0} spol. s r.o.", "{0} s. r. o.")],
            ["Strojírny", "Chemie", "Elektro"], "Vysoké učení technické {0}", "Výzkumný ústav {0}", "Magistrát města {0}"),
        new("SE", "sv", "Latn", "sv", "EP", 2,
            [new("{0} AB", "{0} AB", Other, "{0} Aktiebolag", "AB {0}")],
            ["Teknik", "Kemi", "Elektronik"], "Tekniska högskolan {0}", "Forskningsinstitutet {0}", "{0} kommun"),
        new("TR", "tr", "Latn", "tr", "EP", 2,
            [new("{0} A.Ş.", "{0} A.Ş.", Other, "{0} AS", "{0} Anonim Şirketi")],
            ["Teknoloji", "Kimya", "Makine"], "{0} Teknik Üniversitesi", "{0} Araştırma Enstitüsü", "{0} Belediyesi"),
        new("US", "en_US", "Latn", "en", "US", 14,
            [new("{0} Inc.", "{0} Inc.", Other, "{0}, Inc.", "{0} Incorporated", "{0} INC"), new("{0} LLC", "{0} LLC", Other, "{0}, L.L.C.", "{0} L.L.C.")],
            ["Technologies", "Therapeutics", "Semiconductor", "Robotics", "Energy Systems"], "University of {0}", "{0} Research Institute", "City of {0}"),
        new("GB", "en_GB", "Latn", "en", "GB", 4,
            [new("{0} Limited", "{0} Limited", Other, "{0} Ltd", "{0} Ltd."), new("{0} PLC", "{0} PLC", Other, "{0} plc", "{0} Public Limited Company")],
            ["Engineering", "Pharmaceuticals", "Instruments", "Materials"], "University of {0}", "{0} Research Laboratory", "{0} County Council"),
        new("BR", "pt_BR", "Latn", "pt", "BR", 3,
            [new("{0} Ltda.", "{0} Ltda.", Other, "{0} Ltda", "{0} Limitada"), new("{0} S.A.", "{0} S.A.", Other, "{0} SA", "{0} Sociedade Anônima")],
            ["Tecnologia", "Química", "Agroindústria", "Engenharia"], "Universidade de {0}", "Instituto de Pesquisa de {0}", "Prefeitura de {0}"),
    ];

    private static readonly int TotalWeight = All.Sum(c => c.Weight);

    /// <summary>Picks a country by weight from a number in [0, 1).</summary>
    public static Country Pick(double unit)
    {
        var target = unit * TotalWeight;
        foreach (var country in All)
        {
            target -= country.Weight;
            if (target < 0)
            {
                return country;
            }
        }

        return All[^1];
    }

    public static Country Of(string code) => All.First(c => c.Code == code);
}
