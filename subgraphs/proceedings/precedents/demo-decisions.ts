import {
  CooperationKind,
  CourtType,
  EconomicSector,
  ExploitationPurpose,
  LegalIssue,
  LegalSystem,
  TraffickingAct,
  TraffickingForm,
  TraffickingMeans,
  type KeywordGroups,
} from './schema/vocabulary';

/**
 * Demo precedents (case law on trafficking in human beings), in the style of UNODC's SHERLOC
 * case-law database: 6 decisions from each demo jurisdiction (AL, RS, DE, AT, IT, GR) and 4
 * judgments of the European Court of Human Rights. Everything here is FICTIONAL: the cases,
 * the ECLIs and the summaries were written for the demo, no real decision is quoted and no
 * real person is named. Summaries and significant features are in the language of the
 * decision (Albanian, Serbian — some in Cyrillic, some in Latin script, as Serbian courts
 * write both —, German, Italian, Greek); the Strasbourg judgments' are English and mix
 * British and American spelling on purpose ('forced labour', 'forced labor'), as real
 * case-law summaries do. Provisions are derived from the jurisdiction, the purposes and the
 * legal issues (`demoProvisions`). Data only: nothing is read or written here.
 */

/** CTDC age bins. */
type AgeGroup = 'AGE_0_8' | 'AGE_9_17' | 'AGE_18_20' | 'AGE_21_23' | 'AGE_24_26' | 'AGE_27_29' | 'AGE_30_38' | 'AGE_39_47' | 'AGE_48_PLUS';
type Gender = 'FEMALE' | 'MALE' | 'NON_BINARY' | 'UNDISCLOSED';
/** ISO 3166-1 alpha-2 codes of the nationalities used in this set. */
type Nationality = 'AL' | 'RS' | 'RO' | 'BG' | 'MD' | 'UA' | 'NG' | 'VN' | 'PK' | 'BD' | 'MA' | 'DE' | 'AT' | 'IT' | 'GR';

export interface DemoProfile {
  count: number;
  ageGroups: Array<{ value: string; count: number }>;
  genders: Array<{ value: string; count: number }>;
  nationalities: Array<{ value: string; count: number }>;
}

export interface DemoPrecedent {
  ecli: string;
  court: string;
  courtType: CourtType;
  /** 'AL', 'RS', 'DE', 'AT', 'IT', 'GR', or 'CE' for the European Court of Human Rights. */
  jurisdiction: string;
  /** YYYY-MM-DD. */
  decidedOn: string;
  legalSystem: LegalSystem;
  /** ISO 639-1 code of the language of the decision, and of its summary and significant features. */
  language: string;
  keywords: KeywordGroups;
  legalIssues: LegalIssue[];
  summary: string;
  significantFeatures: string;
  outcome: string;
  victimProfile: DemoProfile;
  defendantProfile: DemoProfile;
  /** ECLIs of earlier precedents of this list. */
  cites: string[];
  /** The provisions it applies (domain/provisions.ts names the instruments). */
  provisions: Array<{ instrument: string; article: string }>;
}

/** A DemoProfile whose values are checked against the vocabularies above. */
interface Profile {
  count: number;
  ageGroups: Array<{ value: AgeGroup; count: number }>;
  genders: Array<{ value: Gender; count: number }>;
  nationalities: Array<{ value: Nationality; count: number }>;
}

type Precedent = Omit<DemoPrecedent, 'victimProfile' | 'defendantProfile' | 'provisions'> & { victimProfile: Profile; defendantProfile: Profile };

// Short names for the vocabularies, to keep the keyword lists readable.
const A = TraffickingAct;
const M = TraffickingMeans;
const P = ExploitationPurpose;
const C = CooperationKind;
const F = TraffickingForm;
const S = EconomicSector;
const I = LegalIssue;

/** No one of this role took part (e.g. the respondent in Strasbourg is a state). */
const NONE: Profile = { count: 0, ageGroups: [], genders: [], nationalities: [] };

// The ECLIs, by jurisdiction, so that citations can refer to them by name.
const AL1 = 'ECLI:AL:GJKRT:2013:112.2013';
const AL2 = 'ECLI:AL:GJAKR:2015:287.2015';
const AL3 = 'ECLI:AL:GJL:2017:00.2017.1873';
const AL4 = 'ECLI:AL:GJK:2019:19.2019';
const AL5 = 'ECLI:AL:GJKKO:2021:2021.0871';
const AL6 = 'ECLI:AL:GJAJP:2024:2024.0415';
const RS1 = 'ECLI:RS:VSBG:2012:K.2417.12';
const RS2 = 'ECLI:RS:ASBG:2014:KZ1.1853.14';
const RS3 = 'ECLI:RS:VKS:2016:KZZ312.2016';
const RS4 = 'ECLI:RS:USRS:2018:UZ4412.2016';
const RS5 = 'ECLI:RS:ASNS:2020:KZ1.318.20';
const RS6 = 'ECLI:RS:VSSU:2023:K.88.2023';
const DE1 = 'ECLI:DE:BGH:2015:080715U3STR41.15.0';
const DE2 = 'ECLI:DE:LGBERLI:2019:0514.532KLS12.18';
const DE3 = 'ECLI:DE:OLGMUEN:2018:0206.1AUSL27.18';
const DE4 = 'ECLI:DE:LGOLDBG:2021:0303.4KLS9.20';
const DE5 = 'ECLI:DE:BVERFG:2022:RK20220510.2BVR987.21';
const DE6 = 'ECLI:DE:BGH:2025:090425U1STR211.24.0';
const AT1 = 'ECLI:AT:LGSW:2013:111HV54.13A';
const AT2 = 'ECLI:AT:OGH:2018:11OS142.17T';
const AT3 = 'ECLI:AT:VFGH:2020:E1187.2019';
const AT4 = 'ECLI:AT:OLGGRAZ:2022:9BS214.21X';
const AT5 = 'ECLI:AT:LGIBK:2015:35HV87.15P';
const AT6 = 'ECLI:AT:OGH:2024:14OS58.24H';
const IT1 = 'ECLI:IT:TRNA:2013:3871PEN';
const IT2 = 'ECLI:IT:TRFG:2017:1196PEN';
const IT3 = 'ECLI:IT:CAPA:2019:2230PEN';
const IT4 = 'ECLI:IT:CASS:2021:41877PEN';
const IT5 = 'ECLI:IT:CAMI:2023:3356PEN';
const IT6 = 'ECLI:IT:CASS:2018:28716PEN';
const GR1 = 'ECLI:GR:TEKTHES:2015:214.2015';
const GR2 = 'ECLI:GR:MOEATH:2018:833.2018';
const GR3 = 'ECLI:GR:AP:2017:1562.2017';
const GR4 = 'ECLI:GR:EFATH:2021:3105.2021';
const GR5 = 'ECLI:GR:AP:2024:402.2024';
const GR6 = 'ECLI:GR:MODATH:2025:1287.2025';
const CE1 = 'ECLI:CE:ECHR:2014:0311JUD003145709';
const CE2 = 'ECLI:CE:ECHR:2017:0620JUD005827412';
const CE3 = 'ECLI:CE:ECHR:2020:1124JUD000412318';
const CE4 = 'ECLI:CE:ECHR:2023:0214JUD003384219';

const PRECEDENTS: Precedent[] = [
  // ───────────────────────────── Albania ─────────────────────────────
  {
    ecli: AL1,
    court: 'Gjykata e Shkallës së Parë për Krimet e Rënda Tiranë',
    courtType: CourtType.FIRST_INSTANCE,
    jurisdiction: 'AL',
    decidedOn: '2013-05-22',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'sq',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION],
      means: [M.DECEPTION, M.THREAT_OF_FORCE, M.WITHHOLDING_DOCUMENTS],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [C.MUTUAL_LEGAL_ASSISTANCE],
      form: [F.TRANSNATIONAL],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.EVIDENCE_ADMISSIBILITY, I.WITNESS_PROTECTION],
    summary:
      'I pandehuri i parë u miqësua me një grua 19-vjeçare nga një zonë rurale, i premtoi martesë dhe e bindi të udhëtonte me të drejt Italisë përmes Greqisë. Në mbërritje asaj iu mor karta e identitetit dhe u detyrua të prostituohej në rrugë, duke dorëzuar të gjitha fitimet nën kërcënime ndaj familjes së saj. Deklaratat e viktimës, të marra në Itali dhe të dërguara me letërporosi për ndihmë juridike reciproke, u çmuan të pranueshme, pasi mbrojtja ishte njoftuar dhe mund të bënte pyetje nëpërmjet autoriteteve italiane. Gjykata i dënoi të dy të pandehurit për trafikim të personave të rritur.',
    significantFeatures:
      "Vendim i hershëm për metodën e rekrutimit përmes 'të dashurit' dhe për përdorimin e deklaratave të viktimës të mbledhura jashtë shtetit, kur viktima nuk mund të kthehej e sigurt për të dëshmuar.",
    outcome: "Both defendants convicted; 15 and 8 years' imprisonment",
    victimProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_18_20', count: 1 }],
      genders: [{ value: 'FEMALE', count: 1 }],
      nationalities: [{ value: 'AL', count: 1 }],
    },
    defendantProfile: { count: 2, ageGroups: [], genders: [{ value: 'MALE', count: 2 }], nationalities: [{ value: 'AL', count: 2 }] },
    cites: [],
  },
  {
    ecli: AL2,
    court: 'Gjykata e Apelit për Krimet e Rënda Tiranë',
    courtType: CourtType.APPEAL,
    jurisdiction: 'AL',
    decidedOn: '2015-10-07',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'sq',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSFER, A.HARBOURING, A.RECEIPT],
      means: [M.PAYMENTS_TO_CONTROLLER, M.ABUSE_OF_VULNERABILITY, M.COERCION],
      purposes: [P.FORCED_MARRIAGE, P.SERVITUDE, P.SEXUAL_EXPLOITATION],
      cooperation: [],
      form: [F.DOMESTIC],
      sectors: [S.DOMESTIC_WORK],
    },
    legalIssues: [I.CHILD_VICTIM, I.WITNESS_PROTECTION, I.COMPENSATION],
    summary:
      "Një vajzë 15-vjeçare u dha nga babai i saj në martesë të detyruar me një burrë njëzet vjet më të madh, kundrejt një pagese të quajtur 'pagesë për nusen'. 'Bashkëshorti' e mbajti të miturën larg shkollës, e detyroi të bënte të gjitha punët e shtëpisë dhe e abuzoi seksualisht. Gjykata e Apelit hodhi poshtë mbrojtjen se një martesë zakonore me pëlqimin e prindërve nuk mund të jetë trafikim: pëlqimi i të miturës ose i prindërve të saj është i parëndësishëm. Dënimet u lanë në fuqi dhe vajzës iu caktua kompensim.",
    significantFeatures:
      'Precedent kryesor se martesa e detyruar e një të mitur, e rregulluar me pagesë, përbën trafikim për martesë të detyruar dhe robëri.',
    outcome: "Convictions upheld; 12 and 10 years' imprisonment; compensation to the victim",
    victimProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_9_17', count: 1 }],
      genders: [{ value: 'FEMALE', count: 1 }],
      nationalities: [{ value: 'AL', count: 1 }],
    },
    defendantProfile: {
      count: 2,
      ageGroups: [
        { value: 'AGE_30_38', count: 1 },
        { value: 'AGE_39_47', count: 1 },
      ],
      genders: [{ value: 'MALE', count: 2 }],
      nationalities: [{ value: 'AL', count: 2 }],
    },
    cites: [AL1],
  },
  {
    ecli: AL3,
    court: 'Gjykata e Lartë',
    courtType: CourtType.SUPREME,
    jurisdiction: 'AL',
    decidedOn: '2017-12-12',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'sq',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.DEBT_BONDAGE, M.ABUSE_OF_VULNERABILITY, M.THREAT_OF_FORCE],
      purposes: [P.FORCED_LABOUR],
      cooperation: [],
      form: [F.DOMESTIC, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [S.MINING],
    },
    legalIssues: [I.ASSET_CONFISCATION, I.COMPENSATION],
    summary:
      'Njëmbëdhjetë burra nga fshatra malore të varfra u rekrutuan për të punuar në një minierë kromi pa licencë, me premtime për paga të rregullta. Në vend atyre u ngarkoheshin ushqimi, fjetja dhe veglat, kështu që borxhet rriteshin më shpejt se pagat; rojet kërcënonin këdo që donte të largohej. Gjykata e Lartë vendosi se skllavëria për borxh dhe kërcënimet mjaftojnë si mjete të trafikimit për punë të detyruar, edhe kur punëtorët nuk mbaheshin të mbyllur, dhe urdhëroi konfiskimin e minierës.',
    significantFeatures:
      'Punëtorët e rritur që mbahen me borxhe të pashlyeshme janë viktima të punës së detyruar; pasuritë e fituara prej saj konfiskohen.',
    outcome: "Acquittal on the trafficking count reversed; 9 years' imprisonment; confiscation confirmed",
    victimProfile: {
      count: 11,
      ageGroups: [
        { value: 'AGE_18_20', count: 2 },
        { value: 'AGE_21_23', count: 3 },
        { value: 'AGE_30_38', count: 4 },
        { value: 'AGE_39_47', count: 2 },
      ],
      genders: [{ value: 'MALE', count: 11 }],
      nationalities: [{ value: 'AL', count: 11 }],
    },
    defendantProfile: { count: 3, ageGroups: [], genders: [{ value: 'MALE', count: 3 }], nationalities: [{ value: 'AL', count: 3 }] },
    cites: [CE2],
  },
  {
    ecli: AL4,
    court: 'Gjykata Kushtetuese',
    courtType: CourtType.CONSTITUTIONAL,
    jurisdiction: 'AL',
    decidedOn: '2019-04-16',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'sq',
    keywords: {
      acts: [A.RECRUITMENT, A.HARBOURING],
      means: [M.COERCION, M.ABUSE_OF_VULNERABILITY],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [],
      form: [F.DOMESTIC],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.NON_PUNISHMENT, I.RECOVERY_PERIOD],
    summary:
      'Kërkuesja, një grua e re e rekrutuar në një qytet provincial dhe e shfrytëzuar në prostitucion në kryeqytet, ishte identifikuar zyrtarisht si viktimë trafikimi nga mekanizmi kombëtar i referimit. Megjithatë një gjykatë e rrethit e dënoi për ushtrim prostitucioni në të njëjtën periudhë, pa shqyrtuar identifikimin dhe shtrëngimin. Gjykata Kushtetuese vendosi se ndëshkimi i një viktime të identifikuar për vepra të kryera nën shtrëngim cenon parimin e mosndëshkimit dhe të drejtën për një proces të rregullt.',
    significantFeatures:
      'Vendimi i parë kushtetues për mosndëshkimin e viktimave të trafikimit dhe për periudhën e rimëkëmbjes.',
    outcome: 'Conviction annulled; case remitted',
    victimProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_21_23', count: 1 }],
      genders: [{ value: 'FEMALE', count: 1 }],
      nationalities: [{ value: 'AL', count: 1 }],
    },
    defendantProfile: NONE,
    cites: [CE1, AL1],
  },
  {
    ecli: AL5,
    court: 'Gjykata e Posaçme e Shkallës së Parë për Korrupsionin dhe Krimin e Organizuar',
    courtType: CourtType.FIRST_INSTANCE,
    jurisdiction: 'AL',
    decidedOn: '2021-09-29',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'sq',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.RECEIPT],
      means: [M.DECEPTION, M.FRAUD, M.DEBT_BONDAGE, M.WITHHOLDING_DOCUMENTS],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [C.JOINT_INVESTIGATION_TEAM, C.MUTUAL_LEGAL_ASSISTANCE],
      form: [F.ONLINE_RECRUITMENT, F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [S.ENTERTAINMENT, S.SEX_INDUSTRY],
    },
    legalIssues: [I.EVIDENCE_ADMISSIBILITY, I.ASSET_CONFISCATION, I.CHILD_VICTIM],
    summary:
      'Një grup i organizuar drejtonte profile në rrjetet sociale të një agjencie modelingu fiktive, duke u ofruar vajzave të reja punë modelingu dhe fotografime në Milano dhe Dubai. Gjashtë viktima, njëra prej tyre 17 vjeç, u dërguan në Itali, ku iu morën pasaportat dhe kontratat e premtuara rezultuan punë shoqëruese nën kontrollin e grupit. Provat e mbledhura nga ekipi i përbashkët hetimor me Italinë u pranuan dhe gjykata urdhëroi konfiskimin e të ardhurave.',
    significantFeatures:
      'Rekrutimi në internet përmes ofertave të rreme për punë modelingu; provat e një ekipi të përbashkët hetimor janë të pranueshme.',
    outcome: "Five defendants convicted; 7 to 16 years' imprisonment; confiscation of accounts and vehicles",
    victimProfile: {
      count: 6,
      ageGroups: [
        { value: 'AGE_9_17', count: 1 },
        { value: 'AGE_18_20', count: 3 },
        { value: 'AGE_21_23', count: 2 },
      ],
      genders: [{ value: 'FEMALE', count: 6 }],
      nationalities: [
        { value: 'AL', count: 4 },
        { value: 'MD', count: 2 },
      ],
    },
    defendantProfile: {
      count: 5,
      ageGroups: [
        { value: 'AGE_21_23', count: 1 },
        { value: 'AGE_24_26', count: 2 },
        { value: 'AGE_30_38', count: 2 },
      ],
      genders: [
        { value: 'MALE', count: 4 },
        { value: 'FEMALE', count: 1 },
      ],
      nationalities: [{ value: 'AL', count: 5 }],
    },
    cites: [AL1],
  },
  {
    ecli: AL6,
    court: 'Gjykata e Apelit e Juridiksionit të Përgjithshëm',
    courtType: CourtType.APPEAL,
    jurisdiction: 'AL',
    decidedOn: '2024-06-05',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'sq',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.FRAUD, M.DEBT_BONDAGE, M.WITHHOLDING_DOCUMENTS],
      purposes: [P.FORCED_LABOUR],
      cooperation: [C.LAW_ENFORCEMENT_COOPERATION],
      form: [F.TRANSNATIONAL],
      sectors: [S.HOSPITALITY],
    },
    legalIssues: [I.COMPENSATION, I.RESIDENCE_PERMIT, I.RECOVERY_PERIOD],
    summary:
      "Katërmbëdhjetë punëtorë nga Bangladeshi u rekrutuan përmes një agjencie që u mori tarifa të larta dhe u premtoi punë në hotele bregdetare me kontrata të ligjshme. Në mbërritje punëdhënësi u mori pasaportat, i strehoi në një bodrum dhe i detyroi të punonin turne katërmbëdhjetë orësh në kuzhina, duke u paguar vetëm një pjesë të pagës kundrejt një 'borxhi' për udhëtimin. Gjykata e Apelit la në fuqi dënimet dhe u njohu punëtorëve kompensim dhe leje qëndrimi.",
    significantFeatures:
      'Tarifat e rekrutimit dhe mbajtja e pasaportave si mjete të punës së detyruar në hoteleri.',
    outcome: "Convictions upheld; 8 and 6 years' imprisonment; compensation for unpaid wages",
    victimProfile: {
      count: 14,
      ageGroups: [
        { value: 'AGE_21_23', count: 3 },
        { value: 'AGE_24_26', count: 5 },
        { value: 'AGE_27_29', count: 4 },
        { value: 'AGE_30_38', count: 2 },
      ],
      genders: [{ value: 'MALE', count: 14 }],
      nationalities: [{ value: 'BD', count: 14 }],
    },
    defendantProfile: {
      count: 2,
      ageGroups: [],
      genders: [
        { value: 'MALE', count: 1 },
        { value: 'FEMALE', count: 1 },
      ],
      nationalities: [{ value: 'AL', count: 2 }],
    },
    cites: [CE3, AL3],
  },

  // ───────────────────────────── Serbia ─────────────────────────────
  {
    ecli: RS1,
    court: 'Viši sud u Beogradu',
    courtType: CourtType.FIRST_INSTANCE,
    jurisdiction: 'RS',
    decidedOn: '2012-11-20',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'sr',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.USE_OF_FORCE, M.THREAT_OF_FORCE, M.ABUSE_OF_VULNERABILITY],
      purposes: [P.FORCED_BEGGING],
      cooperation: [],
      form: [F.DOMESTIC, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [S.BEGGING],
    },
    legalIssues: [I.CHILD_VICTIM, I.WITNESS_PROTECTION],
    summary:
      'Okrivljeni su doveli sedmoro dece, uzrasta od osam do četrnaest godina, iz siromašnih naselja u Beograd, gde su deca bila primorana da prosjače na semaforima na prometnim raskrsnicama od ranog jutra do noći. Svako dete imalo je dnevnu normu; deca koja bi isprosila premalo bila su tučena ili ostavljana bez hrane. Sud je okrivljene osudio za trgovinu maloletnim licima radi prinudnog prosjačenja, a deca su saslušana uz pomoć psihologa.',
    significantFeatures:
      'Prinudno prosjačenje dece je eksploatacija i kada okrivljeni tvrde da su im rođaci.',
    outcome: "Four defendants convicted; 3 to 10 years' imprisonment",
    victimProfile: {
      count: 7,
      ageGroups: [
        { value: 'AGE_0_8', count: 2 },
        { value: 'AGE_9_17', count: 5 },
      ],
      genders: [
        { value: 'MALE', count: 4 },
        { value: 'FEMALE', count: 3 },
      ],
      nationalities: [{ value: 'RS', count: 7 }],
    },
    defendantProfile: {
      count: 4,
      ageGroups: [
        { value: 'AGE_30_38', count: 2 },
        { value: 'AGE_39_47', count: 1 },
        { value: 'AGE_48_PLUS', count: 1 },
      ],
      genders: [
        { value: 'MALE', count: 3 },
        { value: 'FEMALE', count: 1 },
      ],
      nationalities: [{ value: 'RS', count: 4 }],
    },
    cites: [],
  },
  {
    ecli: RS2,
    court: 'Apelacioni sud u Beogradu',
    courtType: CourtType.APPEAL,
    jurisdiction: 'RS',
    decidedOn: '2014-09-30',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'sr',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.RECEIPT, A.HARBOURING],
      means: [M.DECEPTION, M.WITHHOLDING_DOCUMENTS, M.DEBT_BONDAGE, M.ABUSE_OF_VULNERABILITY],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [C.LAW_ENFORCEMENT_COOPERATION],
      form: [F.TRANSNATIONAL],
      sectors: [S.ENTERTAINMENT, S.SEX_INDUSTRY],
    },
    legalIssues: [I.EVIDENCE_ADMISSIBILITY, I.WITNESS_PROTECTION],
    summary:
      'Жене из Украјине и Молдавије врбоване су преко агенције као плесачице за ноћне клубове у неколико српских градова. Власник ноћног клуба задржавао је пасоше плесачица, одбијао им казне и „трошкове смештаја“ од зараде и тражио да госте прате у посебне собе ради плаћеног секса. Апелациони суд је преиначио пресуду и власника огласио кривим за трговину људима ради сексуалне експлоатације.',
    significantFeatures:
      'Дуг и одузети пасоши чине плесачице у ноћном клубу жртвама трговине људима, а не само проституције.',
    outcome: "Conviction requalified as trafficking; sentence increased to 6 years' imprisonment",
    victimProfile: {
      count: 5,
      ageGroups: [
        { value: 'AGE_18_20', count: 1 },
        { value: 'AGE_21_23', count: 3 },
        { value: 'AGE_24_26', count: 1 },
      ],
      genders: [{ value: 'FEMALE', count: 5 }],
      nationalities: [
        { value: 'UA', count: 3 },
        { value: 'MD', count: 2 },
      ],
    },
    defendantProfile: { count: 2, ageGroups: [], genders: [{ value: 'MALE', count: 2 }], nationalities: [{ value: 'RS', count: 2 }] },
    cites: [CE1],
  },
  {
    ecli: RS3,
    court: 'Vrhovni kasacioni sud',
    courtType: CourtType.SUPREME,
    jurisdiction: 'RS',
    decidedOn: '2016-04-13',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'sr',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSFER, A.RECEIPT],
      means: [M.ABUSE_OF_VULNERABILITY, M.PAYMENTS_TO_CONTROLLER, M.FRAUD],
      purposes: [P.ILLEGAL_ADOPTION],
      cooperation: [C.MUTUAL_LEGAL_ASSISTANCE],
      form: [F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [],
    },
    legalIssues: [I.CHILD_VICTIM, I.EVIDENCE_ADMISSIBILITY, I.JURISDICTION],
    summary:
      'Mreža koju su činili babica, matičar i advokat obraćala se trudnicama koje žive u siromaštvu, plaćala im male iznose i organizovala da se njihova novorođenčad posle porođaja predaju parovima iz inostranstva. Matične knjige su falsifikovane, a novorođenčad su napustila zemlju sa novim pasošima. Osmoro novorođenčadi identifikovano je DNK analizama pribavljenim putem međunarodne pravne pomoći. Vrhovni kasacioni sud je potvrdio osude za trgovinu ljudima radi nezakonitog usvojenja.',
    significantFeatures:
      'Prodaja novorođenčadi radi usvojenja u inostranstvu je trgovina ljudima; saglasnost majke nije od značaja.',
    outcome: 'Request for protection of legality dismissed; convictions final',
    victimProfile: {
      count: 8,
      ageGroups: [{ value: 'AGE_0_8', count: 8 }],
      genders: [
        { value: 'FEMALE', count: 3 },
        { value: 'MALE', count: 5 },
      ],
      nationalities: [{ value: 'RS', count: 8 }],
    },
    defendantProfile: {
      count: 5,
      ageGroups: [
        { value: 'AGE_39_47', count: 2 },
        { value: 'AGE_48_PLUS', count: 3 },
      ],
      genders: [
        { value: 'FEMALE', count: 3 },
        { value: 'MALE', count: 2 },
      ],
      nationalities: [{ value: 'RS', count: 5 }],
    },
    cites: [RS1],
  },
  {
    ecli: RS4,
    court: 'Ustavni sud Republike Srbije',
    courtType: CourtType.CONSTITUTIONAL,
    jurisdiction: 'RS',
    decidedOn: '2018-12-05',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'sr',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION],
      means: [M.DECEPTION, M.USE_OF_FORCE],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [],
      form: [F.DOMESTIC],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.COMPENSATION, I.CHILD_VICTIM],
    summary:
      'Подноситељка уставне жалбе, која је са 16 година постала жртва трговине људима и била сексуално експлоатисана у мотелима поред аутопута, придружила се кривичном поступку као оштећена и поставила имовинскоправни захтев. Поступак је трајао више од седам година, а суд ју је након осуђујуће пресуде упутио на парницу без образложења. Уставни суд је утврдио повреду права на суђење у разумном року и права на правично суђење и досудио јој накнаду штете.',
    significantFeatures:
      'Жртва трговине људима има право да о њеном захтеву за накнаду штете одлучи кривични суд.',
    outcome: 'Violation found; just satisfaction awarded; claim to be decided in the criminal case',
    victimProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_9_17', count: 1 }],
      genders: [{ value: 'FEMALE', count: 1 }],
      nationalities: [{ value: 'RS', count: 1 }],
    },
    defendantProfile: NONE,
    cites: [CE1, CE2, RS2],
  },
  {
    ecli: RS5,
    court: 'Apelacioni sud u Novom Sadu',
    courtType: CourtType.APPEAL,
    jurisdiction: 'RS',
    decidedOn: '2020-03-10',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'sr',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.ABUSE_OF_VULNERABILITY, M.DECEPTION, M.THREAT_OF_FORCE],
      purposes: [P.FORCED_LABOUR, P.SERVITUDE],
      cooperation: [],
      form: [F.DOMESTIC],
      sectors: [S.AGRICULTURE],
    },
    legalIssues: [I.EVIDENCE_ADMISSIBILITY, I.WITNESS_PROTECTION, I.COMPENSATION],
    summary:
      'Okrivljeni su na železničkoj stanici prilazili beskućnicima i muškarcima sa intelektualnim teškoćama, nudeći im obroke, smeštaj i rad na farmi. Žrtve su odvedene na udaljena imanja, gde su godinama bez plate čuvale stoku i brale useve, spavale u štalama i slušale pretnje da će biti prijavljene policiji ako odu. Apelacioni sud je potvrdio osude za trgovinu ljudima radi prinudnog rada i odnosa sličnog ropstvu.',
    significantFeatures:
      'Zloupotreba teškog položaja osoba sa invaliditetom je sredstvo trgovine ljudima i bez fizičkog zatvaranja.',
    outcome: "Convictions upheld; 5 and 4 years' imprisonment; compensation ordered",
    victimProfile: {
      count: 4,
      ageGroups: [
        { value: 'AGE_30_38', count: 1 },
        { value: 'AGE_39_47', count: 2 },
        { value: 'AGE_48_PLUS', count: 1 },
      ],
      genders: [{ value: 'MALE', count: 4 }],
      nationalities: [{ value: 'RS', count: 4 }],
    },
    defendantProfile: {
      count: 2,
      ageGroups: [{ value: 'AGE_48_PLUS', count: 2 }],
      genders: [
        { value: 'MALE', count: 1 },
        { value: 'FEMALE', count: 1 },
      ],
      nationalities: [{ value: 'RS', count: 2 }],
    },
    cites: [RS2, RS4],
  },
  {
    ecli: RS6,
    court: 'Viši sud u Subotici',
    courtType: CourtType.FIRST_INSTANCE,
    jurisdiction: 'RS',
    decidedOn: '2023-10-18',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'sr',
    keywords: {
      acts: [A.TRANSPORTATION, A.TRANSFER, A.HARBOURING, A.RECEIPT],
      means: [M.ABDUCTION, M.USE_OF_FORCE, M.THREAT_OF_FORCE, M.PAYMENTS_TO_CONTROLLER],
      purposes: [P.SLAVERY, P.FORCED_LABOUR],
      cooperation: [C.LAW_ENFORCEMENT_COOPERATION],
      form: [F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [S.CONSTRUCTION],
    },
    legalIssues: [I.RESIDENCE_PERMIT, I.RECOVERY_PERIOD, I.NON_PUNISHMENT],
    summary:
      'Migranti iz Pakistana, Bangladeša i Maroka, koji su platili krijumčarima da stignu do Evropske unije, držani su u napuštenim objektima blizu severne granice. Pripadnici grupe su ih prodavali jedni drugima, od porodica tražili otkup putem video-poziva, a one koji nisu mogli da plate terali na prinudni rad na gradilištima. Sud je razgraničio krijumčarenje od kasnije trgovine ljudima i žrtvama priznao pravo na boravak i period oporavka.',
    significantFeatures:
      'Krijumčareni migranti postaju žrtve trgovine ljudima kada ih grupa proda i drži radi eksploatacije.',
    outcome: "Six defendants convicted; 5 to 14 years' imprisonment",
    victimProfile: {
      count: 12,
      ageGroups: [
        { value: 'AGE_18_20', count: 4 },
        { value: 'AGE_21_23', count: 4 },
        { value: 'AGE_24_26', count: 3 },
        { value: 'AGE_27_29', count: 1 },
      ],
      genders: [{ value: 'MALE', count: 12 }],
      nationalities: [
        { value: 'PK', count: 6 },
        { value: 'BD', count: 4 },
        { value: 'MA', count: 2 },
      ],
    },
    defendantProfile: {
      count: 6,
      ageGroups: [],
      genders: [{ value: 'MALE', count: 6 }],
      nationalities: [
        { value: 'RS', count: 3 },
        { value: 'PK', count: 2 },
        { value: 'MA', count: 1 },
      ],
    },
    cites: [CE3, CE4, RS5],
  },

  // ───────────────────────────── Germany ─────────────────────────────
  {
    ecli: DE1,
    court: 'Bundesgerichtshof',
    courtType: CourtType.SUPREME,
    jurisdiction: 'DE',
    decidedOn: '2015-07-08',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'de',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.DECEPTION, M.THREAT_OF_FORCE, M.WITHHOLDING_DOCUMENTS],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [C.EUROPEAN_ARREST_WARRANT, C.MUTUAL_LEGAL_ASSISTANCE],
      form: [F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.JURISDICTION, I.EVIDENCE_ADMISSIBILITY],
    summary:
      'Der Angeklagte, ein in Deutschland lebender ausländischer Staatsangehöriger, warb Frauen in Rumänien und Bulgarien an und beutete sie in Bordellen in Österreich und der Schweiz aus; keine der Taten wurde im Inland begangen. Der Bundesgerichtshof bejahte die deutsche Gerichtsbarkeit nach dem Weltrechtsprinzip: Menschenhandel zum Zweck der sexuellen Ausbeutung wird unabhängig vom Recht des Tatorts verfolgt, auch wenn ein Ausländer ihn im Ausland an Ausländern begeht. Im Ausland erhobene Zeugenaussagen durften verwertet werden.',
    significantFeatures:
      'Grundsatzentscheidung zum Weltrechtsprinzip bei Menschenhandel im Ausland und zur Verwertbarkeit ausländischer Beweise.',
    outcome: "Appeal on points of law dismissed; 7 years' imprisonment upheld",
    victimProfile: {
      count: 4,
      ageGroups: [
        { value: 'AGE_18_20', count: 1 },
        { value: 'AGE_21_23', count: 2 },
        { value: 'AGE_24_26', count: 1 },
      ],
      genders: [{ value: 'FEMALE', count: 4 }],
      nationalities: [
        { value: 'RO', count: 3 },
        { value: 'BG', count: 1 },
      ],
    },
    defendantProfile: { count: 1, ageGroups: [], genders: [{ value: 'MALE', count: 1 }], nationalities: [{ value: 'AL', count: 1 }] },
    cites: [CE1],
  },
  {
    ecli: DE2,
    court: 'Landgericht Berlin',
    courtType: CourtType.FIRST_INSTANCE,
    jurisdiction: 'DE',
    decidedOn: '2019-05-14',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'de',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.DEBT_BONDAGE, M.THREAT_OF_FORCE, M.ABUSE_OF_VULNERABILITY, M.WITHHOLDING_DOCUMENTS],
      purposes: [P.FORCED_CRIMINALITY],
      cooperation: [C.LAW_ENFORCEMENT_COOPERATION],
      form: [F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [S.AGRICULTURE],
    },
    legalIssues: [I.NON_PUNISHMENT, I.CHILD_VICTIM, I.RECOVERY_PERIOD],
    summary:
      'Zwei vietnamesische Jugendliche, die mit einer Schuld von 20.000 Euro nach Europa geschleust worden waren, wurden in Wohnungen eingesperrt, die zu Cannabisplantagen umgebaut waren, und mussten die Pflanzen rund um die Uhr versorgen; sie lebten in Schuldknechtschaft. Die Polizei fand sie bei Durchsuchungen der Plantagen. Die Staatsanwaltschaft stellte das Verfahren wegen Anbaus von Cannabis nach dem Grundsatz der Nichtbestrafung ein, und das Landgericht verurteilte die Betreiber wegen Menschenhandels zur Ausbeutung bei der Begehung strafbarer Handlungen.',
    significantFeatures:
      'Opfer, die zu Straftaten gezwungen wurden, sind nach dem Grundsatz der Nichtbestrafung nicht zu verfolgen; eine Bedenkzeit ist ihnen zu gewähren.',
    outcome: "Three organisers convicted; 4 to 7 years' imprisonment; proceedings against the victims discontinued",
    victimProfile: {
      count: 2,
      ageGroups: [{ value: 'AGE_9_17', count: 2 }],
      genders: [{ value: 'MALE', count: 2 }],
      nationalities: [{ value: 'VN', count: 2 }],
    },
    defendantProfile: {
      count: 3,
      ageGroups: [
        { value: 'AGE_30_38', count: 2 },
        { value: 'AGE_39_47', count: 1 },
      ],
      genders: [
        { value: 'MALE', count: 2 },
        { value: 'FEMALE', count: 1 },
      ],
      nationalities: [{ value: 'VN', count: 3 }],
    },
    cites: [CE1],
  },
  {
    ecli: DE3,
    court: 'Oberlandesgericht München',
    courtType: CourtType.APPEAL,
    jurisdiction: 'DE',
    decidedOn: '2018-02-06',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'de',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSFER],
      means: [M.DECEPTION, M.ABUSE_OF_VULNERABILITY],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [C.EUROPEAN_ARREST_WARRANT, C.LAW_ENFORCEMENT_COOPERATION],
      form: [F.TRANSNATIONAL],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.JURISDICTION],
    summary:
      'Rumänien ersuchte auf Grund eines Europäischen Haftbefehls um Übergabe des Verfolgten, der junge Frauen in Rumänien für die Prostitution in Deutschland angeworben haben soll. Er wandte ein, die Ausbeutung habe in Bayern stattgefunden, sodass er in Deutschland vor Gericht zu stellen sei, und berief sich auf die Haftbedingungen in Rumänien. Das Oberlandesgericht erklärte die Übergabe für zulässig: Wo Anwerbung und Verbringung im ersuchenden Staat stattfanden, tritt dessen Gerichtsbarkeit nicht zurück.',
    significantFeatures:
      'Zur Übergabe bei grenzüberschreitendem Menschenhandel, wenn die Ausbeutung im Inland stattfand.',
    outcome: 'Surrender to Romania declared admissible',
    victimProfile: {
      count: 3,
      ageGroups: [
        { value: 'AGE_18_20', count: 2 },
        { value: 'AGE_21_23', count: 1 },
      ],
      genders: [{ value: 'FEMALE', count: 3 }],
      nationalities: [{ value: 'RO', count: 3 }],
    },
    defendantProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_30_38', count: 1 }],
      genders: [{ value: 'MALE', count: 1 }],
      nationalities: [{ value: 'RO', count: 1 }],
    },
    cites: [DE1],
  },
  {
    ecli: DE4,
    court: 'Landgericht Oldenburg',
    courtType: CourtType.FIRST_INSTANCE,
    jurisdiction: 'DE',
    decidedOn: '2021-03-03',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'de',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.FRAUD, M.DEBT_BONDAGE, M.WITHHOLDING_DOCUMENTS, M.ABUSE_OF_VULNERABILITY],
      purposes: [P.FORCED_LABOUR],
      cooperation: [C.LAW_ENFORCEMENT_COOPERATION],
      form: [F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [S.MANUFACTURING],
    },
    legalIssues: [I.ASSET_CONFISCATION, I.COMPENSATION],
    summary:
      "Arbeiter aus Rumänien und Bulgarien wurden über eine Kette von Subunternehmern angeworben, um in einem großen Schlachthof Fleisch zu zerlegen und zu verpacken. Der anwerbende Subunternehmer zog Miete für überbelegte Unterkünfte, Fahrtkosten und 'Ausrüstung' vom Lohn ab, behielt die Ausweispapiere ein und ließ sie sechs Tage die Woche zwölf Stunden arbeiten, für einen Nettolohn weit unter dem Mindestlohn. Das Landgericht verurteilte die beiden Geschäftsführer wegen Ausbeutung der Arbeitskraft und Menschenhandels und ordnete die Einziehung der Taterträge an.",
    significantFeatures:
      'Ausbeutung in Subunternehmerketten: Lohnabzüge und einbehaltene Papiere als Mittel der Zwangsarbeit.',
    outcome: "Two managers convicted; 4 years and 3 years 6 months' imprisonment; confiscation of 1.2 million euros",
    victimProfile: {
      count: 23,
      ageGroups: [
        { value: 'AGE_21_23', count: 3 },
        { value: 'AGE_24_26', count: 5 },
        { value: 'AGE_27_29', count: 5 },
        { value: 'AGE_30_38', count: 7 },
        { value: 'AGE_39_47', count: 3 },
      ],
      genders: [
        { value: 'MALE', count: 19 },
        { value: 'FEMALE', count: 4 },
      ],
      nationalities: [
        { value: 'RO', count: 15 },
        { value: 'BG', count: 8 },
      ],
    },
    defendantProfile: {
      count: 2,
      ageGroups: [],
      genders: [{ value: 'MALE', count: 2 }],
      nationalities: [
        { value: 'DE', count: 1 },
        { value: 'RO', count: 1 },
      ],
    },
    cites: [CE3],
  },
  {
    ecli: DE5,
    court: 'Bundesverfassungsgericht',
    courtType: CourtType.CONSTITUTIONAL,
    jurisdiction: 'DE',
    decidedOn: '2022-05-10',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'de',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION],
      means: [M.DECEPTION, M.DEBT_BONDAGE, M.THREAT_OF_FORCE],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [],
      form: [F.TRANSNATIONAL],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.EVIDENCE_ADMISSIBILITY, I.RESIDENCE_PERMIT],
    summary:
      'Die Beschwerdeführerin, eine nigerianische Frau, gab an, mit dem Versprechen einer Arbeit als Friseurin angeworben, zu einem Schwur auf Rückzahlung von 35.000 Euro gezwungen und in mehreren deutschen Städten zur Prostitution gezwungen worden zu sein. Die Staatsanwaltschaft stellte die Ermittlungen nach einer einzigen Vernehmung ein, und ihr Aufenthaltstitel lief aus. Das Bundesverfassungsgericht gab der Verfassungsbeschwerde statt: Bei einem glaubhaften Vorwurf des Menschenhandels haben Opfer einen Anspruch auf wirksame Ermittlungen.',
    significantFeatures:
      'Anspruch von Opfern des Menschenhandels auf wirksame Ermittlungen; Bedeutung der Aussage für den Aufenthaltstitel.',
    outcome: 'Constitutional complaint upheld; decisions quashed and case remitted',
    victimProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_24_26', count: 1 }],
      genders: [{ value: 'FEMALE', count: 1 }],
      nationalities: [{ value: 'NG', count: 1 }],
    },
    defendantProfile: NONE,
    cites: [CE1, CE3],
  },
  {
    ecli: DE6,
    court: 'Bundesgerichtshof',
    courtType: CourtType.SUPREME,
    jurisdiction: 'DE',
    decidedOn: '2025-04-09',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'de',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.FRAUD, M.DEBT_BONDAGE, M.ABUSE_OF_VULNERABILITY],
      purposes: [P.FORCED_LABOUR],
      cooperation: [],
      form: [F.TRANSNATIONAL, F.ONLINE_RECRUITMENT],
      sectors: [S.LOGISTICS],
    },
    legalIssues: [I.ASSET_CONFISCATION, I.EVIDENCE_ADMISSIBILITY],
    summary:
      "Fahrer aus Moldau und der Ukraine wurden über Online-Anzeigen angeworben, um für Subunternehmer großer Paketdienste Pakete zuzustellen. Als Selbständige gemeldet, mussten sie ihre Transporter zu überhöhten Preisen beim Anwerber mieten und bis zu sechzehn Stunden täglich arbeiten; 'Strafen' für verspätete Zustellungen trieben die meisten in die Schulden. Der Bundesgerichtshof hob den Teilfreispruch vom Vorwurf des Menschenhandels auf: Scheinselbständigkeit schließt Zwangsarbeit nicht aus, und die Taterträge sind einzuziehen.",
    significantFeatures:
      'Scheinselbständige Paketfahrer können Opfer von Menschenhandel zur Zwangsarbeit sein.',
    outcome: 'Judgment partly set aside; remitted for a new trial on the forced labor count',
    victimProfile: {
      count: 9,
      ageGroups: [
        { value: 'AGE_21_23', count: 2 },
        { value: 'AGE_24_26', count: 2 },
        { value: 'AGE_27_29', count: 2 },
        { value: 'AGE_30_38', count: 3 },
      ],
      genders: [{ value: 'MALE', count: 9 }],
      nationalities: [
        { value: 'MD', count: 6 },
        { value: 'UA', count: 3 },
      ],
    },
    defendantProfile: { count: 1, ageGroups: [], genders: [{ value: 'MALE', count: 1 }], nationalities: [{ value: 'MD', count: 1 }] },
    cites: [DE4, CE3],
  },

  // ───────────────────────────── Austria ─────────────────────────────
  {
    ecli: AT1,
    court: 'Landesgericht für Strafsachen Wien',
    courtType: CourtType.FIRST_INSTANCE,
    jurisdiction: 'AT',
    decidedOn: '2013-06-18',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'de',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.DEBT_BONDAGE, M.USE_OF_FORCE, M.ABUSE_OF_VULNERABILITY],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [C.LAW_ENFORCEMENT_COOPERATION],
      form: [F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.WITNESS_PROTECTION, I.ASSET_CONFISCATION],
    summary:
      'Eine familiär organisierte Gruppe warb junge Frauen aus armen Vierteln bulgarischer Städte an und brachte sie im Kleinbus nach Wien, wo sie auf dem Straßenstrich arbeiten mussten. Jede Frau schuldete der Gruppe die Reise und ihr Zimmer und musste ihre Einnahmen jeder Nacht abgeben; wer Geld zurückbehielt, wurde geschlagen. Das Landesgericht verurteilte sechs Mitglieder wegen grenzüberschreitenden Prostitutionshandels und Menschenhandels und ordnete die Einziehung an; die Opfer wurden schonend vernommen.',
    significantFeatures:
      'Schuldknechtschaft und Gewalt in familiär organisierten Gruppen; schonende Vernehmung der Opfer.',
    outcome: "Six defendants convicted; 2 to 8 years' imprisonment; forfeiture of seized cash",
    victimProfile: {
      count: 6,
      ageGroups: [
        { value: 'AGE_18_20', count: 3 },
        { value: 'AGE_21_23', count: 2 },
        { value: 'AGE_24_26', count: 1 },
      ],
      genders: [{ value: 'FEMALE', count: 6 }],
      nationalities: [{ value: 'BG', count: 6 }],
    },
    defendantProfile: {
      count: 6,
      ageGroups: [],
      genders: [
        { value: 'MALE', count: 4 },
        { value: 'FEMALE', count: 2 },
      ],
      nationalities: [{ value: 'BG', count: 6 }],
    },
    cites: [],
  },
  {
    ecli: AT2,
    court: 'Oberster Gerichtshof',
    courtType: CourtType.SUPREME,
    jurisdiction: 'AT',
    decidedOn: '2018-01-24',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'de',
    keywords: {
      acts: [A.RECRUITMENT, A.HARBOURING, A.RECEIPT],
      means: [M.ABUSE_OF_VULNERABILITY, M.COERCION],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [],
      form: [F.DOMESTIC],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.EVIDENCE_ADMISSIBILITY, I.CHILD_VICTIM, I.WITNESS_PROTECTION],
    summary:
      'Ein 13-jähriges Mädchen, das aus einem Kinderheim weggelaufen war, wurde vom Angeklagten aufgenommen, der es dann über das Internet an Männer zum Sex verkaufte. Das Kind wurde vor der Hauptverhandlung einmal kontradiktorisch von einer Kinderpsychologin in einem getrennten Raum vernommen, während Richterin, Staatsanwalt und Verteidigung per Video zusahen und Fragen über die Psychologin stellten; die Aufzeichnung wurde in der Hauptverhandlung vorgespielt. Der Oberste Gerichtshof verwarf die Nichtigkeitsbeschwerde: Die Videovernehmung des Kindes wahrt das Fragerecht der Verteidigung.',
    significantFeatures:
      'Die kontradiktorische Videovernehmung eines minderjährigen Opfers ersetzt seine Aussage in der Hauptverhandlung.',
    outcome: "Plea of nullity dismissed; 6 years' imprisonment upheld",
    victimProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_9_17', count: 1 }],
      genders: [{ value: 'FEMALE', count: 1 }],
      nationalities: [{ value: 'RO', count: 1 }],
    },
    defendantProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_30_38', count: 1 }],
      genders: [{ value: 'MALE', count: 1 }],
      nationalities: [{ value: 'AT', count: 1 }],
    },
    cites: [AT1, CE2],
  },
  {
    ecli: AT3,
    court: 'Verfassungsgerichtshof',
    courtType: CourtType.CONSTITUTIONAL,
    jurisdiction: 'AT',
    decidedOn: '2020-06-23',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'de',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION],
      means: [M.DECEPTION, M.DEBT_BONDAGE, M.THREAT_OF_FORCE],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [],
      form: [F.TRANSNATIONAL],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.RECOVERY_PERIOD, I.RESIDENCE_PERMIT],
    summary:
      'Die Beschwerdeführerin, eine als Opfer von Menschenhandel zur sexuellen Ausbeutung identifizierte Nigerianerin, erhielt eine Erholungs- und Bedenkzeit, weigerte sich aber aus Angst vor Vergeltung an ihrer Familie, gegen die Täter auszusagen. Das Bundesverwaltungsgericht verweigerte ihr den Aufenthaltstitel besonderer Schutz, weil dieser eine Aussage im Strafverfahren voraussetze. Der Verfassungsgerichtshof hob die Entscheidung auf: Ein Aufenthaltstitel für Opfer darf nicht allein davon abhängen, ob sie aussagen; auch ohne Aussage ist ihre Lage zu prüfen.',
    significantFeatures:
      'Aufenthaltstitel für Opfer von Menschenhandel auch ohne Aussage im Strafverfahren.',
    outcome: 'Decision quashed as arbitrary; residence permit to be reconsidered',
    victimProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_27_29', count: 1 }],
      genders: [{ value: 'FEMALE', count: 1 }],
      nationalities: [{ value: 'NG', count: 1 }],
    },
    defendantProfile: NONE,
    cites: [CE1, IT1],
  },
  {
    ecli: AT4,
    court: 'Oberlandesgericht Graz',
    courtType: CourtType.APPEAL,
    jurisdiction: 'AT',
    decidedOn: '2022-02-15',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'de',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.TRANSFER],
      means: [M.FRAUD, M.WITHHOLDING_DOCUMENTS, M.ABUSE_OF_VULNERABILITY],
      purposes: [P.FORCED_LABOUR],
      cooperation: [],
      form: [F.TRANSNATIONAL],
      sectors: [S.CARE_WORK],
    },
    legalIssues: [I.COMPENSATION],
    summary:
      'Eine Agentur vermittelte Frauen aus Rumänien und Bulgarien als 24-Stunden-Betreuerinnen für ältere Menschen in der ländlichen Steiermark. Die Betreuerinnen waren als Selbständige gemeldet, doch die Agentur behielt ihre Ausweise, kassierte die Zahlungen der Familien und gab nur einen Teil weiter; manche pflegten monatelang demenzkranke ältere Menschen Tag und Nacht ohne einen freien Tag. Das Oberlandesgericht bestätigte den Schuldspruch wegen Menschenhandels zur Ausbeutung der Arbeitskraft und sprach den Betreuerinnen Entschädigung zu.',
    significantFeatures:
      'Ausbeutung in der 24-Stunden-Betreuung trotz formaler Selbständigkeit.',
    outcome: "Conviction upheld; 3 years' imprisonment; compensation to eleven carers",
    victimProfile: {
      count: 11,
      ageGroups: [
        { value: 'AGE_39_47', count: 4 },
        { value: 'AGE_48_PLUS', count: 7 },
      ],
      genders: [{ value: 'FEMALE', count: 11 }],
      nationalities: [
        { value: 'RO', count: 8 },
        { value: 'BG', count: 3 },
      ],
    },
    defendantProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_48_PLUS', count: 1 }],
      genders: [{ value: 'FEMALE', count: 1 }],
      nationalities: [{ value: 'AT', count: 1 }],
    },
    cites: [AT5, CE3],
  },
  {
    ecli: AT5,
    court: 'Landesgericht Innsbruck',
    courtType: CourtType.FIRST_INSTANCE,
    jurisdiction: 'AT',
    decidedOn: '2015-11-10',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'de',
    keywords: {
      acts: [A.RECRUITMENT, A.HARBOURING],
      means: [M.FRAUD, M.WITHHOLDING_DOCUMENTS, M.THREAT_OF_FORCE],
      purposes: [P.FORCED_LABOUR],
      cooperation: [],
      form: [F.TRANSNATIONAL],
      sectors: [S.HOSPITALITY],
    },
    legalIssues: [I.ASSET_CONFISCATION, I.COMPENSATION],
    summary:
      "Saisonarbeiter aus Serbien und Moldau wurden für eine Wintersaison in einem Hotel in einem Skigebiet angeworben, mit Verträgen über geregelte Arbeitszeiten und Verpflegung. Nach der Ankunft nahm der Hotelmanager ihre Pässe 'zur Anmeldung' an sich, ließ sie bis zu fünfzehn Stunden täglich in der Küche und als Reinigungskräfte arbeiten und drohte mit einer Anzeige bei der Fremdenpolizei. Das Landesgericht verurteilte ihn wegen Menschenhandels zur Ausbeutung der Arbeitskraft und ordnete die Einziehung der vorenthaltenen Löhne zugunsten der Opfer an.",
    significantFeatures:
      'Einbehaltene Pässe und Drohungen mit der Fremdenpolizei als Mittel der Zwangsarbeit im Gastgewerbe.',
    outcome: "Manager convicted, 30 months' imprisonment; owner acquitted; forfeiture and compensation ordered",
    victimProfile: {
      count: 7,
      ageGroups: [
        { value: 'AGE_21_23', count: 2 },
        { value: 'AGE_24_26', count: 3 },
        { value: 'AGE_30_38', count: 2 },
      ],
      genders: [
        { value: 'MALE', count: 4 },
        { value: 'FEMALE', count: 3 },
      ],
      nationalities: [
        { value: 'RS', count: 4 },
        { value: 'MD', count: 3 },
      ],
    },
    defendantProfile: {
      count: 2,
      ageGroups: [],
      genders: [
        { value: 'MALE', count: 1 },
        { value: 'FEMALE', count: 1 },
      ],
      nationalities: [{ value: 'AT', count: 2 }],
    },
    cites: [AT1],
  },
  {
    ecli: AT6,
    court: 'Oberster Gerichtshof',
    courtType: CourtType.SUPREME,
    jurisdiction: 'AT',
    decidedOn: '2024-09-17',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'de',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.DECEPTION, M.COERCION, M.ABUSE_OF_VULNERABILITY],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [C.JOINT_INVESTIGATION_TEAM, C.EUROPEAN_INVESTIGATION_ORDER],
      form: [F.TRANSNATIONAL, F.ONLINE_RECRUITMENT, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.EVIDENCE_ADMISSIBILITY, I.JURISDICTION],
    summary:
      'Eine in Rumänien ansässige Gruppe warb Frauen über Messenger-Dienste an, brachte sie in Mietwohnungen in Wien und Linz unter und bot sie auf Escort-Websites an, während Verantwortliche in Rumänien die Einnahmen kassierten. Eine gemeinsame Ermittlungsgruppe österreichischer und rumänischer Polizei sammelte Nachrichten, Finanzunterlagen und Zeugenaussagen in beiden Ländern, ergänzt durch Europäische Ermittlungsanordnungen. Der Oberste Gerichtshof verwarf den Einwand, diese Beweise seien unverwertbar und die österreichischen Gerichte unzuständig.',
    significantFeatures:
      'Verwertbarkeit von Beweisen einer gemeinsamen Ermittlungsgruppe und Europäischer Ermittlungsanordnungen.',
    outcome: "Pleas of nullity dismissed; convictions with 4 to 9 years' imprisonment final",
    victimProfile: {
      count: 8,
      ageGroups: [
        { value: 'AGE_18_20', count: 2 },
        { value: 'AGE_21_23', count: 3 },
        { value: 'AGE_24_26', count: 2 },
        { value: 'AGE_27_29', count: 1 },
      ],
      genders: [{ value: 'FEMALE', count: 8 }],
      nationalities: [{ value: 'RO', count: 8 }],
    },
    defendantProfile: {
      count: 4,
      ageGroups: [
        { value: 'AGE_24_26', count: 1 },
        { value: 'AGE_27_29', count: 2 },
        { value: 'AGE_30_38', count: 1 },
      ],
      genders: [
        { value: 'MALE', count: 3 },
        { value: 'FEMALE', count: 1 },
      ],
      nationalities: [{ value: 'RO', count: 4 }],
    },
    cites: [AT2, DE3],
  },

  // ───────────────────────────── Italy ─────────────────────────────
  {
    ecli: IT1,
    court: 'Tribunale di Napoli',
    courtType: CourtType.FIRST_INSTANCE,
    jurisdiction: 'IT',
    decidedOn: '2013-07-04',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'it',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.RECEIPT, A.HARBOURING],
      means: [M.DECEPTION, M.DEBT_BONDAGE, M.THREAT_OF_FORCE, M.COERCION],
      purposes: [P.SEXUAL_EXPLOITATION, P.SLAVERY],
      cooperation: [],
      form: [F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.RESIDENCE_PERMIT, I.WITNESS_PROTECTION, I.RECOVERY_PERIOD],
    summary:
      "Giovani donne nigeriane furono reclutate con promesse di lavoro in negozi e saloni di parrucchiere, costrette a prestare un giuramento juju davanti a un sacerdote e informate di dovere 30.000 euro per il viaggio. In Italia la prima imputata, detta 'madame', le mise sulle strade del litorale a nord di Napoli e ne incassò i guadagni fino all'estinzione del debito. Il tribunale condannò quattro imputati per tratta di persone e riduzione in schiavitù, ritenendo che il giuramento e il debito costituissero mezzi di coercizione.",
    significantFeatures:
      'Il rito juju e il debito di viaggio come strumenti di assoggettamento nella tratta dalla Nigeria; permesso di soggiorno per le vittime che collaborano.',
    outcome: "Four defendants convicted; 9 to 14 years' imprisonment",
    victimProfile: {
      count: 5,
      ageGroups: [
        { value: 'AGE_18_20', count: 3 },
        { value: 'AGE_21_23', count: 2 },
      ],
      genders: [{ value: 'FEMALE', count: 5 }],
      nationalities: [{ value: 'NG', count: 5 }],
    },
    defendantProfile: {
      count: 4,
      ageGroups: [],
      genders: [
        { value: 'FEMALE', count: 2 },
        { value: 'MALE', count: 2 },
      ],
      nationalities: [{ value: 'NG', count: 4 }],
    },
    cites: [],
  },
  {
    ecli: IT2,
    court: 'Tribunale di Foggia',
    courtType: CourtType.FIRST_INSTANCE,
    jurisdiction: 'IT',
    decidedOn: '2017-03-21',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'it',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.ABUSE_OF_VULNERABILITY, M.DEBT_BONDAGE, M.THREAT_OF_FORCE],
      purposes: [P.FORCED_LABOUR, P.SERVITUDE],
      cooperation: [],
      form: [F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [S.AGRICULTURE],
    },
    legalIssues: [I.EVIDENCE_ADMISSIBILITY, I.RESIDENCE_PERMIT],
    summary:
      "Braccianti bulgari, rumeni e marocchini vivevano in un campo di fortuna e ogni mattina un caporale li portava nei campi di pomodori; faceva pagare loro trasporto, acqua e cibo e li pagava a cassone, molto al di sotto del contratto collettivo. Chi protestava restava senza lavoro. Il tribunale distinse l'intermediazione illecita e lo sfruttamento del lavoro dalla riduzione in servitù: condannò il caporale per caporalato e servitù per debiti, e i datori di lavoro per sfruttamento.",
    significantFeatures:
      'Criteri per distinguere il caporalato dalla riduzione in servitù nel lavoro agricolo.',
    outcome: 'Three defendants convicted of illicit intermediation and trafficking; acquitted of servitude',
    victimProfile: {
      count: 18,
      ageGroups: [
        { value: 'AGE_18_20', count: 2 },
        { value: 'AGE_21_23', count: 4 },
        { value: 'AGE_24_26', count: 4 },
        { value: 'AGE_27_29', count: 3 },
        { value: 'AGE_30_38', count: 5 },
      ],
      genders: [
        { value: 'MALE', count: 16 },
        { value: 'FEMALE', count: 2 },
      ],
      nationalities: [
        { value: 'BG', count: 7 },
        { value: 'RO', count: 5 },
        { value: 'MA', count: 6 },
      ],
    },
    defendantProfile: {
      count: 3,
      ageGroups: [
        { value: 'AGE_39_47', count: 1 },
        { value: 'AGE_48_PLUS', count: 2 },
      ],
      genders: [{ value: 'MALE', count: 3 }],
      nationalities: [
        { value: 'IT', count: 2 },
        { value: 'MA', count: 1 },
      ],
    },
    cites: [IT1],
  },
  {
    ecli: IT3,
    court: "Corte d'Appello di Palermo",
    courtType: CourtType.APPEAL,
    jurisdiction: 'IT',
    decidedOn: '2019-05-07',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'it',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.WITHHOLDING_DOCUMENTS, M.USE_OF_FORCE, M.DEBT_BONDAGE, M.ABUSE_OF_VULNERABILITY],
      purposes: [P.FORCED_LABOUR, P.SERVITUDE],
      cooperation: [C.MUTUAL_LEGAL_ASSISTANCE],
      form: [F.TRANSNATIONAL],
      sectors: [S.FISHING],
    },
    legalIssues: [I.JURISDICTION, I.COMPENSATION, I.RESIDENCE_PERMIT],
    summary:
      "Marittimi marocchini e bengalesi furono reclutati per un peschereccio della flotta siciliana e trattenuti in mare per mesi. Il comandante teneva i loro passaporti e libretti di navigazione, vietava all'equipaggio di scendere a terra quando il peschereccio entrava in porto e non pagava nulla oltre al vitto, invocando debiti per il reclutamento; chi si rifiutava di lavorare veniva picchiato. La Corte d'appello confermò le condanne del comandante e dell'armatore per riduzione in servitù e tratta, e riconobbe la giurisdizione italiana anche per i fatti avvenuti in acque internazionali.",
    significantFeatures:
      "Lavoro forzato a bordo dei pescherecci: giurisdizione sui fatti in alto mare e risarcimento dell'equipaggio.",
    outcome: "Convictions upheld; 10 and 8 years' imprisonment; compensation to the crew",
    victimProfile: {
      count: 9,
      ageGroups: [
        { value: 'AGE_18_20', count: 1 },
        { value: 'AGE_21_23', count: 2 },
        { value: 'AGE_24_26', count: 2 },
        { value: 'AGE_30_38', count: 3 },
        { value: 'AGE_39_47', count: 1 },
      ],
      genders: [{ value: 'MALE', count: 9 }],
      nationalities: [
        { value: 'MA', count: 5 },
        { value: 'BD', count: 4 },
      ],
    },
    defendantProfile: {
      count: 2,
      ageGroups: [{ value: 'AGE_48_PLUS', count: 2 }],
      genders: [{ value: 'MALE', count: 2 }],
      nationalities: [{ value: 'IT', count: 2 }],
    },
    cites: [IT2, IT6],
  },
  {
    ecli: IT4,
    court: 'Corte di Cassazione',
    courtType: CourtType.SUPREME,
    jurisdiction: 'IT',
    decidedOn: '2021-11-16',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'it',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.DEBT_BONDAGE, M.THREAT_OF_FORCE, M.DECEPTION],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [C.MUTUAL_LEGAL_ASSISTANCE],
      form: [F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.COMPENSATION, I.ASSET_CONFISCATION],
    summary:
      "Dopo la condanna dei membri di un'organizzazione criminale per tratta di donne a fini di sfruttamento sessuale, il tribunale dispose la confisca allargata di appartamenti, automobili e depositi bancari sproporzionati rispetto ai redditi dichiarati e riconobbe il risarcimento alle vittime costituite parti civili. Non avendo gli imputati altri beni, le vittime chiesero di essere risarcite sui beni confiscati. La Corte di cassazione affermò che il risarcimento delle vittime di tratta può essere soddisfatto sui beni confiscati.",
    significantFeatures:
      'I beni confiscati ai trafficanti servono anzitutto al risarcimento delle vittime.',
    outcome: 'Appeals dismissed; compensation to be paid from confiscated assets',
    victimProfile: {
      count: 7,
      ageGroups: [
        { value: 'AGE_18_20', count: 2 },
        { value: 'AGE_21_23', count: 3 },
        { value: 'AGE_24_26', count: 2 },
      ],
      genders: [{ value: 'FEMALE', count: 7 }],
      nationalities: [
        { value: 'NG', count: 4 },
        { value: 'RO', count: 3 },
      ],
    },
    defendantProfile: {
      count: 5,
      ageGroups: [],
      genders: [
        { value: 'MALE', count: 3 },
        { value: 'FEMALE', count: 2 },
      ],
      nationalities: [
        { value: 'NG', count: 3 },
        { value: 'IT', count: 2 },
      ],
    },
    cites: [IT1, IT3],
  },
  {
    ecli: IT5,
    court: "Corte d'Appello di Milano",
    courtType: CourtType.APPEAL,
    jurisdiction: 'IT',
    decidedOn: '2023-06-27',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'it',
    keywords: {
      acts: [A.RECRUITMENT, A.HARBOURING],
      means: [M.ABUSE_OF_VULNERABILITY, M.DEBT_BONDAGE, M.WITHHOLDING_DOCUMENTS],
      purposes: [P.FORCED_LABOUR],
      cooperation: [],
      form: [F.TRANSNATIONAL],
      sectors: [S.TEXTILES],
    },
    legalIssues: [I.ASSET_CONFISCATION, I.RESIDENCE_PERMIT],
    summary:
      "Lavoratori pakistani e bengalesi cucivano borse e capi di abbigliamento per subfornitori di note case di moda in laboratori vicino a Milano, dove anche dormivano, lavorando fino a quattordici ore al giorno a cottimo per pochi euro l'ora. I titolari dei laboratori trattenevano i passaporti e detraevano debiti per il viaggio e l'alloggio. La Corte d'appello confermò le condanne per sfruttamento del lavoro e tratta e la confisca dei laboratori.",
    significantFeatures:
      'Sfruttamento lavorativo nelle filiere della moda: la confisca colpisce i laboratori dei subfornitori.',
    outcome: "Convictions upheld; 5 and 4 years' imprisonment; confiscation confirmed",
    victimProfile: {
      count: 10,
      ageGroups: [
        { value: 'AGE_21_23', count: 2 },
        { value: 'AGE_24_26', count: 3 },
        { value: 'AGE_27_29', count: 3 },
        { value: 'AGE_30_38', count: 2 },
      ],
      genders: [
        { value: 'MALE', count: 8 },
        { value: 'FEMALE', count: 2 },
      ],
      nationalities: [
        { value: 'PK', count: 6 },
        { value: 'BD', count: 4 },
      ],
    },
    defendantProfile: {
      count: 2,
      ageGroups: [],
      genders: [{ value: 'MALE', count: 2 }],
      nationalities: [
        { value: 'PK', count: 1 },
        { value: 'IT', count: 1 },
      ],
    },
    cites: [IT2, IT4],
  },
  {
    ecli: IT6,
    court: 'Corte di Cassazione',
    courtType: CourtType.SUPREME,
    jurisdiction: 'IT',
    decidedOn: '2018-06-19',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'it',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.TRANSFER, A.RECEIPT],
      means: [M.USE_OF_FORCE, M.ABDUCTION, M.PAYMENTS_TO_CONTROLLER, M.DEBT_BONDAGE],
      purposes: [P.SEXUAL_EXPLOITATION, P.SLAVERY],
      cooperation: [],
      form: [F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.JURISDICTION, I.EVIDENCE_ADMISSIBILITY],
    summary:
      'Donne e ragazze nigeriane furono reclutate nelle loro città, trattenute in un compound sorvegliato in Libia, dove venivano picchiate e vendute tra gruppi, e poi imbarcate verso la Sicilia, dove complici dei reclutatori le accoglievano e le avviavano alla prostituzione. Un imputato, riconosciuto dalle sopravvissute dopo lo sbarco, aveva gestito il compound e sosteneva che i giudici italiani non potessero giudicare fatti commessi soltanto in Libia. La Corte di cassazione affermò la giurisdizione italiana, trattandosi di un reato transnazionale in parte consumato in Italia.',
    significantFeatures:
      'Giurisdizione italiana sulla tratta iniziata in Libia e proseguita in Italia; utilizzabilità delle dichiarazioni delle sopravvissute.',
    outcome: "Appeal dismissed; 20 years' imprisonment upheld",
    victimProfile: {
      count: 9,
      ageGroups: [
        { value: 'AGE_9_17', count: 3 },
        { value: 'AGE_18_20', count: 4 },
        { value: 'AGE_21_23', count: 2 },
      ],
      genders: [{ value: 'FEMALE', count: 9 }],
      nationalities: [{ value: 'NG', count: 9 }],
    },
    defendantProfile: { count: 1, ageGroups: [], genders: [{ value: 'MALE', count: 1 }], nationalities: [{ value: 'NG', count: 1 }] },
    cites: [IT1, DE1],
  },

  // ───────────────────────────── Greece ─────────────────────────────
  {
    ecli: GR1,
    court: 'Τριμελές Εφετείο Κακουργημάτων Θεσσαλονίκης',
    courtType: CourtType.FIRST_INSTANCE,
    jurisdiction: 'GR',
    decidedOn: '2015-01-27',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'el',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.DECEPTION, M.DEBT_BONDAGE, M.WITHHOLDING_DOCUMENTS, M.THREAT_OF_FORCE],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [C.MUTUAL_LEGAL_ASSISTANCE, C.LAW_ENFORCEMENT_COOPERATION],
      form: [F.TRANSNATIONAL],
      sectors: [S.ENTERTAINMENT, S.SEX_INDUSTRY],
    },
    legalIssues: [I.WITNESS_PROTECTION, I.EVIDENCE_ADMISSIBILITY],
    summary:
      'Γυναίκες από τη Βουλγαρία και τη Μολδαβία στρατολογήθηκαν ως συνοδοί πελατών σε μπαρ της βόρειας Ελλάδας, με την υπόσχεση ότι θα κρατούσαν μόνο συντροφιά στους πελάτες. Ο ιδιοκτήτης των μπαρ τους αφαίρεσε τα διαβατήρια, τους επέβαλλε πρόστιμα για «χαμένα» ποτά και τις υποχρέωνε να συνευρίσκονται με πελάτες για να εξοφλήσουν τα χρέη. Το δικαστήριο καταδίκασε τον ιδιοκτήτη και δύο υπαλλήλους για εμπορία ανθρώπων με σκοπό τη σεξουαλική εκμετάλλευση· δύο θύματα κατέθεσαν με μέτρα προστασίας μαρτύρων.',
    significantFeatures:
      'Το χρέος από πρόστιμα και η αφαίρεση διαβατηρίων ως μέσα εμπορίας ανθρώπων σε μπαρ.',
    outcome: "Three defendants convicted; 6 to 11 years' imprisonment",
    victimProfile: {
      count: 5,
      ageGroups: [
        { value: 'AGE_18_20', count: 2 },
        { value: 'AGE_21_23', count: 2 },
        { value: 'AGE_24_26', count: 1 },
      ],
      genders: [{ value: 'FEMALE', count: 5 }],
      nationalities: [
        { value: 'BG', count: 3 },
        { value: 'MD', count: 2 },
      ],
    },
    defendantProfile: {
      count: 3,
      ageGroups: [],
      genders: [
        { value: 'MALE', count: 2 },
        { value: 'FEMALE', count: 1 },
      ],
      nationalities: [{ value: 'GR', count: 3 }],
    },
    cites: [CE1],
  },
  {
    ecli: GR2,
    court: 'Μικτό Ορκωτό Εφετείο Αθηνών',
    courtType: CourtType.APPEAL,
    jurisdiction: 'GR',
    decidedOn: '2018-11-08',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'el',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.RECEIPT],
      means: [M.DECEPTION, M.ABUSE_OF_VULNERABILITY, M.PAYMENTS_TO_CONTROLLER, M.FRAUD],
      purposes: [P.ORGAN_REMOVAL],
      cooperation: [C.MUTUAL_LEGAL_ASSISTANCE, C.LAW_ENFORCEMENT_COOPERATION],
      form: [F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [],
    },
    legalIssues: [I.ASSET_CONFISCATION, I.COMPENSATION],
    summary:
      'Ένας μεσάζων στρατολόγησε χρεωμένους άνδρες από τη Μολδαβία και την Ουκρανία με προσφορές οικοδομικής εργασίας στην Ελλάδα και, μόλις έφτασαν, τους έπεισε να πουλήσουν ένα νεφρό για λίγες χιλιάδες ευρώ. Η αφαίρεση των νεφρών έγινε σε ιδιωτική κλινική της Αττικής και τα όργανα μεταμοσχεύθηκαν σε εύπορους ασθενείς από το εξωτερικό, με πλαστά έγγραφα που παρουσίαζαν τους δότες ως συγγενείς των ληπτών. Το Μικτό Ορκωτό Εφετείο επικύρωσε τις καταδίκες του μεσάζοντα και του ιατρού της κλινικής για εμπορία ανθρώπων με σκοπό την αφαίρεση οργάνων.',
    significantFeatures:
      'Η συναίνεση του δότη είναι αδιάφορη όταν αποσπάστηκε με κατάχρηση της ευάλωτης θέσης του.',
    outcome: "Convictions upheld; 12, 10 and 8 years' imprisonment; confiscation and compensation",
    victimProfile: {
      count: 6,
      ageGroups: [
        { value: 'AGE_21_23', count: 1 },
        { value: 'AGE_24_26', count: 2 },
        { value: 'AGE_30_38', count: 2 },
        { value: 'AGE_39_47', count: 1 },
      ],
      genders: [{ value: 'MALE', count: 6 }],
      nationalities: [
        { value: 'MD', count: 4 },
        { value: 'UA', count: 2 },
      ],
    },
    defendantProfile: {
      count: 3,
      ageGroups: [
        { value: 'AGE_39_47', count: 1 },
        { value: 'AGE_48_PLUS', count: 2 },
      ],
      genders: [{ value: 'MALE', count: 3 }],
      nationalities: [
        { value: 'GR', count: 2 },
        { value: 'MD', count: 1 },
      ],
    },
    cites: [],
  },
  {
    ecli: GR3,
    court: 'Άρειος Πάγος',
    courtType: CourtType.SUPREME,
    jurisdiction: 'GR',
    decidedOn: '2017-10-05',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'el',
    keywords: {
      acts: [A.RECRUITMENT, A.HARBOURING],
      means: [M.ABUSE_OF_VULNERABILITY, M.COERCION, M.ABUSE_OF_POWER],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [],
      form: [F.DOMESTIC],
      sectors: [S.SEX_INDUSTRY],
    },
    legalIssues: [I.CHILD_VICTIM, I.ASSET_CONFISCATION],
    summary:
      "Ο κατηγορούμενος, σύντροφος της θείας μιας 16χρονης, την πήρε από έναν περιθωριοποιημένο οικισμό στο σπίτι του όταν εκείνη εγκατέλειψε το σχολείο και στη συνέχεια την υποχρέωσε να δέχεται πελάτες σε διαμέρισμα που νοίκιαζε γι' αυτόν τον σκοπό, κρατώντας όλα τα χρήματα. Ο Άρειος Πάγος απέρριψε την αναίρεση: όταν το θύμα είναι ανήλικο, δεν απαιτείται απόδειξη μέσων, και η συναίνεση του ανηλίκου είναι αδιάφορη.",
    significantFeatures:
      'Στην εμπορία ανηλίκων δεν απαιτείται απόδειξη βίας ή εξαπάτησης.',
    outcome: "Appeal in cassation dismissed; 10 years' imprisonment upheld; confiscation of the apartment",
    victimProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_9_17', count: 1 }],
      genders: [{ value: 'FEMALE', count: 1 }],
      nationalities: [{ value: 'GR', count: 1 }],
    },
    defendantProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_39_47', count: 1 }],
      genders: [{ value: 'MALE', count: 1 }],
      nationalities: [{ value: 'GR', count: 1 }],
    },
    cites: [GR1],
  },
  {
    ecli: GR4,
    court: 'Εφετείο Αθηνών',
    courtType: CourtType.APPEAL,
    jurisdiction: 'GR',
    decidedOn: '2021-06-22',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'el',
    keywords: {
      acts: [A.RECRUITMENT, A.HARBOURING],
      means: [M.ABUSE_OF_VULNERABILITY, M.THREAT_OF_FORCE, M.COERCION],
      purposes: [P.FORCED_LABOUR],
      cooperation: [],
      form: [F.TRANSNATIONAL],
      sectors: [S.AGRICULTURE],
    },
    legalIssues: [I.COMPENSATION, I.RESIDENCE_PERMIT],
    summary:
      'Εργάτες από το Μπαγκλαντές και το Πακιστάν μάζευαν λαχανικά σε θερμοκήπια της δυτικής Ελλάδας για μήνες χωρίς μισθό, ζώντας σε παράγκες από νάιλον. Όταν ζήτησαν την αμοιβή τους, οι επιστάτες τους απείλησαν με απόλυση και καταγγελία στην αστυνομία. Η ποινική δίκη κατά του ιδιοκτήτη έληξε με αθώωση, και οι εργάτες τον ενήγαγαν στα πολιτικά δικαστήρια. Το Εφετείο επιδίκασε αποζημίωση για καταναγκαστική εργασία, κρίνοντας ότι η αθώωση δεν δεσμεύει το πολιτικό δικαστήριο.',
    significantFeatures:
      'Αποζημίωση των θυμάτων καταναγκαστικής εργασίας ακόμη και μετά από αθώωση στην ποινική δίκη.',
    outcome: 'Claims allowed; unpaid wages and non-pecuniary damages awarded to 21 workers',
    victimProfile: {
      count: 21,
      ageGroups: [
        { value: 'AGE_18_20', count: 3 },
        { value: 'AGE_21_23', count: 6 },
        { value: 'AGE_24_26', count: 6 },
        { value: 'AGE_27_29', count: 4 },
        { value: 'AGE_30_38', count: 2 },
      ],
      genders: [{ value: 'MALE', count: 21 }],
      nationalities: [
        { value: 'BD', count: 15 },
        { value: 'PK', count: 6 },
      ],
    },
    defendantProfile: { count: 1, ageGroups: [], genders: [{ value: 'MALE', count: 1 }], nationalities: [{ value: 'GR', count: 1 }] },
    cites: [CE3],
  },
  {
    ecli: GR5,
    court: 'Άρειος Πάγος',
    courtType: CourtType.SUPREME,
    jurisdiction: 'GR',
    decidedOn: '2024-03-12',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'el',
    keywords: {
      acts: [A.TRANSPORTATION, A.TRANSFER],
      means: [M.THREAT_OF_FORCE, M.USE_OF_FORCE, M.ABUSE_OF_VULNERABILITY],
      purposes: [P.FORCED_CRIMINALITY],
      cooperation: [],
      form: [F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [],
    },
    legalIssues: [I.NON_PUNISHMENT, I.CHILD_VICTIM],
    summary:
      'Ένας 17χρονος από το Πακιστάν, που ταξίδευε με άλλους μετανάστες, εξαναγκάστηκε υπό την απειλή όπλου από διακινητές στην απέναντι ακτή να οδηγήσει φουσκωτή βάρκα προς ελληνικό νησί, με την απειλή ότι θα τον πετούσαν στη θάλασσα. Συνελήφθη κατά την άφιξη και καταδικάστηκε για διακίνηση μεταναστών. Ο Άρειος Πάγος αναίρεσε την καταδίκη: τα δικαστήρια οφείλουν να εξετάζουν ενδείξεις ότι ο κατηγορούμενος για την οδήγηση της βάρκας ήταν ο ίδιος θύμα εμπορίας ανθρώπων, και τότε ισχύει η αρχή της μη τιμωρίας.',
    significantFeatures:
      'Η αρχή της μη τιμωρίας καλύπτει τον ανήλικο που εξαναγκάστηκε να οδηγήσει τη βάρκα των μεταναστών.',
    outcome: 'Conviction quashed; acquittal',
    victimProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_9_17', count: 1 }],
      genders: [{ value: 'MALE', count: 1 }],
      nationalities: [{ value: 'PK', count: 1 }],
    },
    defendantProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_9_17', count: 1 }],
      genders: [{ value: 'MALE', count: 1 }],
      nationalities: [{ value: 'PK', count: 1 }],
    },
    cites: [CE4, CE1],
  },
  {
    ecli: GR6,
    court: 'Μικτό Ορκωτό Δικαστήριο Αθηνών',
    courtType: CourtType.FIRST_INSTANCE,
    jurisdiction: 'GR',
    decidedOn: '2025-10-02',
    legalSystem: LegalSystem.CIVIL_LAW,
    language: 'el',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.RECEIPT],
      means: [M.DECEPTION, M.ABUSE_OF_VULNERABILITY, M.THREAT_OF_FORCE],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [C.LAW_ENFORCEMENT_COOPERATION, C.EUROPEAN_INVESTIGATION_ORDER],
      form: [F.ONLINE_RECRUITMENT, F.TRANSNATIONAL],
      sectors: [S.HOSPITALITY, S.SEX_INDUSTRY],
    },
    legalIssues: [I.RECOVERY_PERIOD, I.WITNESS_PROTECTION],
    summary:
      'Γυναίκες που είχαν φύγει από τον πόλεμο στην Ουκρανία προσεγγίστηκαν σε ομάδες εφαρμογών μηνυμάτων για πρόσφυγες και τους προτάθηκαν θέσεις καθαρίστριας σε ξενοδοχεία των νησιών, με δωρεάν ταξίδι. Μόλις έφτασαν, στεγάστηκαν σε βίλα, τους είπαν ότι χρωστούν τα έξοδα ταξιδιού και διαμονής και εξαναγκάστηκαν να συναντούν πελάτες. Το δικαστήριο καταδίκασε τρεις κατηγορουμένους για εμπορία ανθρώπων με σκοπό τη σεξουαλική εκμετάλλευση, κρίνοντας ότι η θέση των προσφύγων πολέμου είναι ευάλωτη θέση.',
    significantFeatures:
      'Η διαδικτυακή στρατολόγηση προσφύγων πολέμου ως κατάχρηση ευάλωτης θέσης.',
    outcome: "Three defendants convicted; 8 to 13 years' imprisonment",
    victimProfile: {
      count: 4,
      ageGroups: [
        { value: 'AGE_21_23', count: 1 },
        { value: 'AGE_24_26', count: 1 },
        { value: 'AGE_30_38', count: 2 },
      ],
      genders: [{ value: 'FEMALE', count: 4 }],
      nationalities: [{ value: 'UA', count: 4 }],
    },
    defendantProfile: {
      count: 3,
      ageGroups: [],
      genders: [
        { value: 'MALE', count: 2 },
        { value: 'FEMALE', count: 1 },
      ],
      nationalities: [
        { value: 'GR', count: 2 },
        { value: 'UA', count: 1 },
      ],
    },
    cites: [GR1, CE1],
  },

  // ───────────────────── European Court of Human Rights ─────────────────────
  {
    ecli: CE1,
    court: 'European Court of Human Rights',
    courtType: CourtType.REGIONAL_HUMAN_RIGHTS,
    jurisdiction: 'CE',
    decidedOn: '2014-03-11',
    legalSystem: LegalSystem.MIXED,
    language: 'en',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION],
      means: [M.DECEPTION, M.ABUSE_OF_VULNERABILITY, M.WITHHOLDING_DOCUMENTS],
      purposes: [P.SEXUAL_EXPLOITATION],
      cooperation: [C.MUTUAL_LEGAL_ASSISTANCE],
      form: [F.TRANSNATIONAL],
      sectors: [S.HOSPITALITY, S.SEX_INDUSTRY],
    },
    legalIssues: [I.NON_PUNISHMENT, I.JURISDICTION],
    summary:
      'The applicant was recruited at 20 for work as a waitress in another country, but on arrival her passport was taken and she was forced into prostitution. After escaping she complained to the police of the respondent state, naming her recruiters and the intermediaries who had organised her travel. The prosecutor closed the case within weeks without seeking evidence from the country of destination, and she was fined for an administrative prostitution offence committed while she was being exploited. The Court found a violation of Article 4: states must investigate trafficking effectively once a credible allegation is made, including by seeking the cooperation of other states where parts of the offence took place, and must not penalise victims for acts they were compelled to commit.',
    significantFeatures:
      'A foundational judgment on the procedural obligation under Article 4 to investigate cross-border trafficking, including by requesting assistance from other states, and an early statement that penalising an unidentified victim adds to the failure to protect her.',
    outcome: 'Violation of Article 4; 20,000 euros in respect of non-pecuniary damage',
    victimProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_18_20', count: 1 }],
      genders: [{ value: 'FEMALE', count: 1 }],
      nationalities: [{ value: 'MD', count: 1 }],
    },
    defendantProfile: NONE,
    cites: [],
  },
  {
    ecli: CE2,
    court: 'European Court of Human Rights',
    courtType: CourtType.REGIONAL_HUMAN_RIGHTS,
    jurisdiction: 'CE',
    decidedOn: '2017-06-20',
    legalSystem: LegalSystem.MIXED,
    language: 'en',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING, A.RECEIPT],
      means: [M.DECEPTION, M.WITHHOLDING_DOCUMENTS, M.ABUSE_OF_VULNERABILITY, M.ABUSE_OF_POWER],
      purposes: [P.SERVITUDE, P.FORCED_LABOUR],
      cooperation: [],
      form: [F.TRANSNATIONAL],
      sectors: [S.DOMESTIC_WORK],
    },
    legalIssues: [I.CHILD_VICTIM, I.COMPENSATION],
    summary:
      'The applicant was brought to Europe at 15 by a family friend who promised her parents she would go to school. Instead she spent four years as an unpaid domestic servant in the household of a couple, looking after their children, cooking and cleaning from dawn until late at night, without her passport, without schooling and with no room of her own. The couple were eventually acquitted because domestic law had no offence of servitude and the facts did not fit the other offences charged. The Court held that Article 4 requires criminal laws that effectively penalise domestic servitude and forced labour, found a violation, and awarded the applicant compensation.',
    significantFeatures:
      'Establishes that states must have criminal provisions capable of punishing servitude and forced labour as such, and that a child held in domestic servitude is owed special protection; frequently cited by national courts interpreting trafficking, domestic servitude and forced labour offences.',
    outcome: 'Violation of Article 4; 30,000 euros in respect of non-pecuniary damage',
    victimProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_9_17', count: 1 }],
      genders: [{ value: 'FEMALE', count: 1 }],
      nationalities: [{ value: 'MA', count: 1 }],
    },
    defendantProfile: NONE,
    cites: [CE1],
  },
  {
    ecli: CE3,
    court: 'European Court of Human Rights',
    courtType: CourtType.REGIONAL_HUMAN_RIGHTS,
    jurisdiction: 'CE',
    decidedOn: '2020-11-24',
    legalSystem: LegalSystem.MIXED,
    language: 'en',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.DEBT_BONDAGE, M.WITHHOLDING_DOCUMENTS, M.THREAT_OF_FORCE, M.FRAUD],
      purposes: [P.FORCED_LABOUR],
      cooperation: [C.LAW_ENFORCEMENT_COOPERATION],
      form: [F.TRANSNATIONAL],
      sectors: [S.CONSTRUCTION],
    },
    legalIssues: [I.COMPENSATION, I.RESIDENCE_PERMIT],
    summary:
      'The applicants, 31 construction workers from Ukraine and Moldova, were recruited by an agency to build a hotel complex. The employer withheld their passports, paid them only small advances against a growing debt for travel and lodging, and threatened them with violence when they asked for their wages. Labour inspectors visited the site twice, noted signs of labour exploitation and took no further action; when the workers finally went to the police, several were expelled for irregular stay before they could give evidence. The Court found a violation of Article 4: the authorities knew or ought to have known of a real risk of forced labor and took no operational measures, and the expulsions deprived the workers of access to compensation and to residence permits as victims.',
    significantFeatures:
      'Extends the positive obligations under Article 4 to labour inspectorates and immigration authorities: inspectors must act on indicators of forced labour, and removing potential victims before they are identified breaches the duty of the state to protect them.',
    outcome: 'Violation of Article 4; 15,000 euros to each applicant',
    victimProfile: {
      count: 31,
      ageGroups: [
        { value: 'AGE_21_23', count: 4 },
        { value: 'AGE_24_26', count: 6 },
        { value: 'AGE_27_29', count: 7 },
        { value: 'AGE_30_38', count: 9 },
        { value: 'AGE_39_47', count: 5 },
      ],
      genders: [{ value: 'MALE', count: 31 }],
      nationalities: [
        { value: 'UA', count: 19 },
        { value: 'MD', count: 12 },
      ],
    },
    defendantProfile: NONE,
    cites: [CE1, CE2],
  },
  {
    ecli: CE4,
    court: 'European Court of Human Rights',
    courtType: CourtType.REGIONAL_HUMAN_RIGHTS,
    jurisdiction: 'CE',
    decidedOn: '2023-02-14',
    legalSystem: LegalSystem.MIXED,
    language: 'en',
    keywords: {
      acts: [A.RECRUITMENT, A.TRANSPORTATION, A.HARBOURING],
      means: [M.COERCION, M.DEBT_BONDAGE, M.ABUSE_OF_VULNERABILITY],
      purposes: [P.FORCED_CRIMINALITY],
      cooperation: [],
      form: [F.TRANSNATIONAL, F.ORGANIZED_CRIMINAL_GROUP],
      sectors: [],
    },
    legalIssues: [I.NON_PUNISHMENT, I.CHILD_VICTIM, I.EVIDENCE_ADMISSIBILITY],
    summary:
      'The applicant, a 16-year-old from Bulgaria, was brought to a western European city by a group that forced teenagers to steal from shops and pick pockets on public transport, keeping everything they took. Arrested several times, she was prosecuted and convicted of theft although a youth-protection service had reported indicators of trafficking. The prosecutors did not assess those indicators before charging her, and the trial court refused to admit the report of the service as evidence. The Court found violations of Articles 4 and 6: once the authorities know or ought to know that a suspect under 18 may be a victim of trafficking, they must assess that status before deciding to prosecute, and the victim must be able to rely on that assessment in her defence.',
    significantFeatures:
      'A central authority on non-punishment for young people exploited in forced criminality: prosecution without a prior assessment of victim status can breach the Convention, and evidence of that status must be admitted at trial.',
    outcome: 'Violation of Articles 4 and 6; 25,000 euros in respect of non-pecuniary damage',
    victimProfile: {
      count: 1,
      ageGroups: [{ value: 'AGE_9_17', count: 1 }],
      genders: [{ value: 'FEMALE', count: 1 }],
      nationalities: [{ value: 'BG', count: 1 }],
    },
    defendantProfile: NONE,
    cites: [CE1, CE2],
  },
];

/**
 * The provisions a demo decision applies: its country's trafficking offence (the article for
 * its purpose where the code has several), Article 4 ECHR in Strasbourg, and the articles
 * of Directive 2011/36/EU and the Council of Europe Convention (CETS 197) on its legal issues.
 */
function demoProvisions(p: Precedent): Array<{ instrument: string; article: string }> {
  const purpose = (x: ExploitationPurpose) => p.keywords.purposes.includes(x);
  const child = p.legalIssues.includes(I.CHILD_VICTIM);
  const national: Record<string, Array<[string, string]>> = {
    AL: [['AL KP', child ? '128/b' : '110/a']],
    RS: [['RS KZ', '388']],
    DE: [['DE StGB', purpose(P.SEXUAL_EXPLOITATION) ? '232a' : purpose(P.FORCED_LABOUR) ? '232b' : '232']],
    AT: [['AT StGB', '104a']],
    IT: [['IT c.p.', '601'], ...(purpose(P.SLAVERY) || purpose(P.SERVITUDE) ? [['IT c.p.', '600'] as [string, string]] : []), ...(purpose(P.FORCED_LABOUR) ? [['IT c.p.', '603 bis'] as [string, string]] : [])],
    GR: [['GR ΠΚ', '323A']],
    CE: [['ECHR', '4']],
  };
  const byIssue: Partial<Record<LegalIssue, Array<[string, string]>>> = {
    [I.NON_PUNISHMENT]: [['Directive 2011/36/EU', '8'], ['CoE CETS 197', '26']],
    [I.COMPENSATION]: [['Directive 2011/36/EU', '17'], ['CoE CETS 197', '15']],
    [I.CHILD_VICTIM]: [['Directive 2011/36/EU', '13']],
    [I.RECOVERY_PERIOD]: [['CoE CETS 197', '13']],
    [I.RESIDENCE_PERMIT]: [['CoE CETS 197', '14']],
    [I.JURISDICTION]: [['CoE CETS 197', '31']],
  };
  return [...(national[p.jurisdiction] ?? []), ...p.legalIssues.flatMap((issue) => byIssue[issue] ?? [])].map(([instrument, article]) => ({ instrument, article }));
}

export const DEMO_PRECEDENTS: DemoPrecedent[] = PRECEDENTS.map((p) => ({ ...p, provisions: demoProvisions(p) }));

/** Searches with an obvious best hit: the precedent that is most about the words searched. */
export const SEARCH_PROBES: Array<{ search: string; best: string }> = [
  { search: 'deca prosjače semaforima', best: RS1 },
  { search: 'martesë e detyruar e mitur', best: AL2 },
  { search: 'nezakonito usvojenje novorođenčadi', best: RS3 },
  { search: 'αφαίρεση νεφρού ιδιωτική κλινική', best: GR2 },
  { search: 'Cannabisplantage Nichtbestrafung', best: DE2 },
  { search: 'peschereccio equipaggio', best: IT3 },
  { search: 'risarcimento beni confiscati', best: IT4 },
  { search: 'Aufenthaltstitel ohne Aussage', best: AT3 },
  { search: 'agjencie modelingu', best: AL5 },
  { search: 'Weltrechtsprinzip Ausland', best: DE1 },
  { search: 'Videovernehmung Kind', best: AT2 },
  { search: 'ältere Menschen Betreuerinnen', best: AT4 },
  { search: 'ноћни клуб плесачице', best: RS2 },
  { search: 'οδήγηση βάρκας μεταναστών', best: GR5 },
  { search: 'giuramento juju debito', best: IT1 },
  { search: 'Schlachthof Subunternehmer', best: DE4 },
  { search: 'domestic servitude', best: CE2 },
];
