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
 * real person is named. Summaries are in English whatever the language of the decision, and
 * mix British and American spelling on purpose ('forced labour', 'forced labor'), as real
 * case-law summaries do. Data only: nothing is read or written here.
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
  /** ISO 639-1 code of the language of the decision; the summary is in English. */
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
}

/** A DemoProfile whose values are checked against the vocabularies above. */
interface Profile {
  count: number;
  ageGroups: Array<{ value: AgeGroup; count: number }>;
  genders: Array<{ value: Gender; count: number }>;
  nationalities: Array<{ value: Nationality; count: number }>;
}

type Precedent = Omit<DemoPrecedent, 'victimProfile' | 'defendantProfile'> & { victimProfile: Profile; defendantProfile: Profile };

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
      'The first defendant befriended a 19-year-old woman from a rural district, promised to marry her and persuaded her to travel with him to Italy through Greece. On arrival she was placed in a rented flat, her identity card was taken and she was forced into street prostitution, handing over all her earnings under threats against her family. After she escaped and reported to the Italian police, her statements were taken in Italy and transmitted through a request for mutual legal assistance. The court held those statements admissible, since the defence had been notified and could put questions through the Italian authorities, and convicted both defendants of trafficking in adult persons. The victim was not required to return and face them in court.',
    significantFeatures:
      "An early decision of the serious crimes court on the 'boyfriend' method of recruitment and on the use of victim statements gathered abroad through mutual legal assistance, where the victim could not safely be brought back to testify in person.",
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
      "A 15-year-old girl was given in a forced marriage by her father to a man twenty years older, in exchange for a payment described as a bride price. The 'husband' took the minor to his family's house in another district, kept her from school, made her do all the household work and subjected her to sexual abuse; she was forbidden to contact her mother. The appeal court rejected the defence that a customary marriage arranged with parental consent cannot amount to trafficking: the consent of a minor, or of her parents, is irrelevant, and the payment to the father was itself a means. It upheld the convictions of the father and the husband for trafficking of minors for the purpose of forced marriage, and ordered compensation for the girl, who had testified from a separate room.",
    significantFeatures:
      'Leading appellate authority that the forced marriage of a minor, arranged for payment, is trafficking for forced marriage and servitude; neither the minor nor her parents can consent to it, and customary practice does not excuse a marriage imposed on a child.',
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
      "Eleven men from impoverished mountain villages were recruited to work in an unlicensed chromium mine with promises of regular wages. Once at the site they were charged for food, lodging and tools, so that their debts grew faster than their pay; guards threatened those who wished to leave, and the owner of the mine kept their wages 'for safekeeping'. The lower courts convicted the organisers of forced labor but acquitted them of trafficking because no border had been crossed. The High Court reversed that part: trafficking within Albania is covered by the offence, and debt bondage combined with threats is a sufficient means. It confirmed the confiscation of the excavators and trucks used at the mine and directed that the miners' unpaid wages be met from their value.",
    significantFeatures:
      'Settled that internal trafficking needs no cross-border movement and that debt bondage is a means in its own right; often cited on confiscating the instruments of forced labor in extractive industries and on using them to pay the workers.',
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
      'The applicant, a young woman recruited in a provincial town and exploited in prostitution in the capital, had been formally identified as a victim of trafficking by the national referral mechanism. A district court nonetheless convicted her of practising prostitution during the same period, without examining the identification or the coercion she was under. The Constitutional Court held that punishing an identified victim for offences she was compelled to commit breached her right to a fair trial, read with the obligations of the state under the Council of Europe Convention on Action against Trafficking in Human Beings. It annulled the conviction and noted that the recovery period of thirty days to which she was entitled had never been granted.',
    significantFeatures:
      'The first constitutional ruling to give the non-punishment principle direct effect in Albania: criminal courts must examine any identification as a victim of trafficking before convicting, and non-punishment is linked to access to the recovery period.',
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
      'An organised group ran social media profiles of a fake modelling agency, offering young women modelling jobs and photo shoots in Milan and Dubai. Applicants were asked for photographs, then for travel money that became a debt. Six victims, one of them 17, were flown to Italy, where their passports were taken and the promised modelling contracts turned out to be escort work controlled by the group. The court convicted five members of trafficking and of participation in a criminal organisation. It admitted chat logs and account data obtained from the platform through mutual legal assistance, together with evidence gathered by a joint investigation team with Italy, and confiscated the bank accounts and two vehicles of the group.',
    significantFeatures:
      'A reference case on online recruitment through social media for fake modelling jobs: it sets out how platform data obtained abroad may be authenticated and used as evidence, and treats a 17-year-old recruit as a child victim whatever her apparent consent to the jobs offered.',
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
      "Fourteen workers from Bangladesh were recruited through an agency that charged them high placement fees and promised hotel jobs on the coast with legal contracts. On arrival the employer took their passports, housed them in a basement and made them work fourteen-hour shifts in kitchens and housekeeping, paying a fraction of the agreed wage against a 'debt' for their travel. The appeal court upheld the convictions of the hotel manager and the recruiter for trafficking for labour exploitation and ordered them to pay the workers' unpaid wages as compensation within the criminal case. It confirmed that the workers were entitled to a recovery period and to temporary residence permits as victims, whatever their immigration status.",
    significantFeatures:
      'Confirms that victims of labour exploitation recruited on legal work visas may claim their unpaid wages as compensation in the criminal proceedings, and that their residence as victims does not depend on the validity of the original work permit.',
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
      'The defendants brought seven children, aged eight to fourteen, from impoverished settlements to Belgrade, where the children were forced to beg at traffic lights on busy intersections from early morning until night. Each child had a daily quota; children who begged too little were beaten or left without food. The defendants, who claimed to be relatives, collected the money at the traffic lights every few hours. The court convicted four defendants of trafficking in minors for forced begging, holding that begging by children for the benefit of adults is exploitation even where the parents had agreed. The children were questioned only once, by a specially trained judge in the presence of a psychologist, and were placed in the care of the guardianship authority.',
    significantFeatures:
      'Often cited for the proposition that forced begging is a form of exploitation in its own right and that family ties or parental consent do not exclude the trafficking of children; also a model for single, child-sensitive interviews of child victims.',
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
      "Women from Ukraine and Moldova were recruited by an agency as dancers for nightclubs in several Serbian towns. The nightclub owner kept the dancers' passports, deducted fines and 'accommodation costs' from their pay and required them to accompany guests to private rooms for paid sex, of which they received almost nothing. The first-instance court had convicted the owner only of facilitating prostitution. The appeal court requalified the offence as trafficking in human beings, holding that withholding documents and creating debts were means that vitiated any consent to dancing or to sex work. It also held that intercepted telephone conversations, and the statements the dancers gave to the investigating judge before returning home, could be read at trial.",
    significantFeatures:
      'Draws the line between facilitating prostitution and trafficking in the entertainment sector: once documents are withheld and debts imposed, consent to the work is irrelevant. Also on reading out the statements of foreign victims who have left the country.',
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
      'A network including a midwife, a registrar and a lawyer approached pregnant women living in poverty, paid them small sums and arranged for their newborns to be handed over after birth to couples from abroad. Birth records were falsified so that the adoptive mothers appeared as the birth mothers, and the newborns left the country with new passports. Eight newborns were identified through DNA tests obtained by mutual legal assistance. The Supreme Court of Cassation dismissed the request for protection of legality, holding that the sale of newborns for illegal adoption is trafficking of minors for adoption even when the child is placed with a caring family, that the DNA evidence had been lawfully admitted, and that Serbian courts had jurisdiction although the adoptions were completed abroad.',
    significantFeatures:
      'The leading Serbian authority on trafficking for illegal adoption: the offence protects the child, so neither the good intentions of the adoptive parents nor the poverty of the birth mothers removes its criminal character.',
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
      'The applicant, trafficked at 16 and sexually exploited in motels along a highway, joined the criminal proceedings as an injured party and claimed damages. The proceedings lasted over seven years, and the trial court, after convicting the traffickers, referred her claim to civil litigation without giving reasons, although the evidence of her suffering was already complete. The Constitutional Court found violations of the right to a trial within a reasonable time and of the right to an effective remedy, holding that victims of trafficking should as a rule obtain a decision on compensation within the criminal case. It awarded her just satisfaction and ordered the courts to decide her claim promptly.',
    significantFeatures:
      "Cited for the rule that routinely referring trafficking victims' claims for compensation to separate civil proceedings is incompatible with their rights, and that long delays add to the harm suffered by victims who were children at the time.",
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
      'The defendants approached homeless men and men with intellectual disabilities at a railway station, offering meals, shelter and farm work. The victims were taken to remote farms, where they tended livestock and harvested crops for years without pay, slept in stables and were told they would be reported to the police if they left. The appeal court upheld the convictions for trafficking for forced labor, finding that the defendants had abused the position of vulnerability of men with intellectual disabilities. It rejected the objection that the victims lacked the capacity to testify: their statements, taken with the help of a special educator and a support person, were reliable and admissible. The court also ordered the defendants to pay compensation.',
    significantFeatures:
      'A key decision on the abuse of a position of vulnerability in domestic trafficking for forced labor and servitude, and on adapting questioning so that victims with intellectual disabilities can give evidence instead of being excluded as witnesses.',
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
      'Migrants from Pakistan, Bangladesh and Morocco who had paid smugglers to reach the European Union were held in abandoned farm buildings near the northern border. Members of the group sold them to one another, demanded ransom from their families by video call and put those who could not pay to forced labour on construction sites. The court distinguished the initial smuggling from the later trafficking: once the migrants were held and treated as property, the offence was trafficking for slavery and forced labour. The victims were not prosecuted for irregular entry, were granted a recovery period and temporary residence permits, and testified at trial. Six defendants were convicted.',
    significantFeatures:
      'Shows how smuggling turns into trafficking along migration routes, treats the sale of migrants between groups as slavery, and applies non-punishment, the recovery period and temporary residence to irregular migrants identified as victims.',
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
      'The defendant, a foreign national living in Germany, recruited women in Romania and Bulgaria and exploited them in brothels in Austria and Switzerland; none of the acts took place on German territory. Austria had issued a European arrest warrant, but he was prosecuted in Germany and argued that German courts lacked jurisdiction over trafficking committed abroad by a foreigner against foreigners. The Federal Court of Justice dismissed his appeal on points of law. Trafficking for sexual exploitation falls under the universal jurisdiction provision of the Criminal Code, so German courts may try it wherever it was committed, irrespective of the law of the place where it was committed. Evidence gathered abroad by mutual legal assistance was admissible.',
    significantFeatures:
      'The leading German authority on universal jurisdiction over trafficking: German courts may try offences committed abroad by and against foreign nationals, so a trafficker found in Germany can be tried there for exploitation abroad rather than surrendered.',
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
      'Two Vietnamese teenagers, smuggled to Europe on a debt of 20,000 euros, were locked in flats converted into cannabis plantations, where they tended the plants around the clock and were told that their families would suffer if they ran away. Police found them during raids on the cannabis cultivation sites. The prosecution first charged them with cultivation, then discontinued those proceedings under the non-punishment provision of the Code of Criminal Procedure, and both were granted a recovery and reflection period. The court convicted the three organisers of trafficking for forced criminality and of large-scale cannabis cultivation, holding that the work of the teenagers was criminal activity they had been compelled to commit.',
    significantFeatures:
      'Applies non-punishment to young victims forced into cannabis cultivation: they are victims of trafficking for forced criminality, not offenders, and the organisers bear criminal responsibility for the cultivation. Frequently cited in later cases of forced criminality.',
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
      'Romania sought the surrender of the requested person under a European arrest warrant for recruiting young women in Romania for prostitution in Germany. He objected that the exploitation had taken place in Bavaria, so that he should be tried in Germany and surrender refused, and that detention conditions in Romania were inadequate. The Higher Regional Court declared the surrender admissible. Where recruitment and transport were organised from Romania and most victims and witnesses lived there, the issuing state was the better forum, and German jurisdiction over part of the conduct did not oblige Germany to prosecute. Individual assurances on the size of his cell and the conditions of detention dispelled the risk of inhuman treatment.',
    significantFeatures:
      'Shows how competing jurisdiction is handled in European arrest warrant proceedings for trafficking: surrender is not refused merely because part of the offence was committed in the executing state, if the issuing state is better placed to prosecute.',
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
      "Workers from Romania and Bulgaria were hired through a chain of subcontractors to cut and pack meat at a large slaughterhouse. The subcontractor that recruited them deducted rent for overcrowded housing, transport and 'equipment' from their wages, kept their identity documents and made them work twelve-hour shifts, six days a week, for net pay far below the minimum wage. The court convicted the two managers of the subcontractor of trafficking for labour exploitation and of exploitation of labour. It ordered the confiscation of about 1.2 million euros of proceeds held in the subcontractor's accounts and directed that the workers' wage claims be paid out of them.",
    significantFeatures:
      'A reference case on labour exploitation through chains of subcontractors in meat processing: liability reaches the managers of the subcontractor at the slaughterhouse, and the proceeds of the crime are used to satisfy the wage claims of the workers.',
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
      'The complainant, a Nigerian woman, reported that she had been recruited with promises of work as a hairdresser, made to swear an oath to repay 35,000 euros and forced into prostitution in several German cities. The public prosecutor closed the investigation after a single interview, finding her account inconsistent, and the higher regional court rejected her application to compel a prosecution; her residence permit as a witness then lapsed. The Federal Constitutional Court held that victims of serious crimes against personal freedom have a right to an effective investigation, and that inconsistencies typical of traumatised victims cannot justify closing a case without further inquiries. It quashed the decisions and remitted the matter.',
    significantFeatures:
      "Recognises an enforceable right of trafficking victims to an effective criminal investigation, drawing on Article 4 of the European Convention on Human Rights, and warns against dismissing a victim's account as not credible because of inconsistencies caused by trauma.",
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
      "Drivers from Moldova and Ukraine were recruited through online advertisements to deliver parcels for subcontractors of large delivery networks. Registered as self-employed, they had to lease their vans from the recruiter at inflated rates and worked up to sixteen hours a day, with 'penalties' for late deliveries that left most of them in debt. The regional court convicted the recruiter of labor exploitation but acquitted him of forced labor. The Federal Court of Justice partly set the judgment aside: bogus self-employment does not prevent a finding of exploitation, and a striking disparity between work and pay, with debts the drivers could not escape, can amount to forced labor. App-based delivery records seized from the recruiter's servers were admissible, and the proceeds to be confiscated had to be recalculated.",
    significantFeatures:
      'Clarifies the threshold of exploitation in the gig and logistics economy: formal self-employment is disregarded where the worker is in fact dependent, and debts created through vehicle leases and penalties are a recognised means of coercion.',
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
      'A family-based group recruited young women from poor neighbourhoods of Bulgarian towns, some with little schooling, and brought them by minibus to Vienna, where they were made to work in street prostitution. Each woman owed the group for the journey and her room and had to hand over her nightly earnings; those who kept money back were beaten. The court convicted six members of the group of cross-border trafficking for prostitution and trafficking in human beings. The victims testified in a separate room, assisted by a victim-support lawyer, and were spared questions about their private lives. The court ordered the forfeiture of cash and jewellery seized at the flats of the group as proceeds of the offences.',
    significantFeatures:
      'An early Viennese case on trafficking by family-based groups, notable for its protective questioning of adult victims and for treating debts for travel and lodging, enforced by violence, as a means of control.',
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
      "A 13-year-old girl who had run away from a children's home was taken in by the defendant, who offered her a place to stay and then sold her for sex to men he contacted online. The child was questioned once before trial by a child psychologist in a separate room, while the judge, the prosecutor and the defence watched on a screen and put questions through the psychologist; the video recording of that testimony was played at the trial instead of hearing the child in person. The defendant argued that he had been denied the right to examine the witness. The Supreme Court dismissed his plea of nullity: the pre-recorded video testimony of a child victim is admissible where the defence could put questions at the recorded hearing.",
    significantFeatures:
      'Confirms that a single, video-recorded adversarial hearing of a child victim satisfies the right to examine witnesses, sparing the child repeated questioning and confrontation with the accused; widely cited on child-friendly justice in trafficking cases.',
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
      'The complainant, a Nigerian woman identified as a victim of trafficking for sexual exploitation, was granted a recovery and reflection period but then refused to testify against her traffickers, fearing reprisals against her family at home. The Federal Administrative Court refused her a residence permit for special protection, reasoning that such a permit presupposes testifying in criminal proceedings. The Constitutional Court found that decision arbitrary. The law also allows a residence permit where the personal situation of a victim requires it; a victim who refuses to testify out of well-founded fear cannot be denied a residence permit on that ground alone, may be allowed to stay without testifying, and the end of the recovery period does not end the duty of the authorities to assess her situation.',
    significantFeatures:
      'Establishes that the protection of trafficking victims in Austria is not conditional on cooperation with the prosecution: a residence permit may be granted on personal grounds, and fear of reprisals is a legitimate reason for refusing to testify.',
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
      "An agency placed women from Romania and Bulgaria as live-in carers for elderly people in rural Styria, under the model of 24-hour home care. The carers were registered as self-employed, but the agency kept their identity cards, collected the families' payments and passed on only part of them; some carers spent months caring for elderly patients with dementia day and night without a single day off. The appeal court upheld the conviction of the agency's owner for exploitation of labour and trafficking for forced labour, holding that home care in private households is not exempt from scrutiny, and confirmed the compensation awarded to the carers as private parties in the criminal proceedings.",
    significantFeatures:
      'The first appellate decision on forced labour in live-in home care for the elderly, a sector where work in private homes is hard to monitor; it treats withheld wages and documents as indicators and confirms compensation within the criminal case.',
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
      "Seasonal workers from Serbia and Moldova were recruited for a winter season in a ski resort hotel with contracts promising regular hours and board. On arrival the hotel manager took their passports 'for registration', made them work in the kitchen and as cleaners for up to fifteen hours a day and threatened to report them to the immigration police if they complained. Wages were to be paid only at the end of the season, minus deductions. The court convicted the manager of exploitation of labor and trafficking for forced labor, but acquitted the owner, finding no proof that she knew of the conditions. It ordered the forfeiture of the wages saved as unlawful enrichment and awarded each worker compensation.",
    significantFeatures:
      'Shows that trafficking for forced labor occurs in mainstream tourism, and that wages withheld by the employer are proceeds that can be forfeited and used to compensate the workers; also notable for acquitting an owner who did not know of the exploitation.',
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
      'A group based in Romania recruited women through messaging apps, placed them in rented apartments in Vienna and Linz and advertised them on escort websites, while managers in Romania collected the earnings. A joint investigation team of Austrian and Romanian police gathered intercepted messages, financial records and witness statements in both countries, completed by European investigation orders. The defendants argued that evidence gathered by Romanian officers under Romanian law could not be used in Austria. The Supreme Court dismissed the pleas of nullity: evidence gathered by a joint investigation team is admissible if it was lawfully obtained in the state where it was gathered and the defence could challenge it, and the Austrian courts had jurisdiction over the whole enterprise because the exploitation took place in Austria.',
    significantFeatures:
      'A leading Austrian ruling on the use of evidence from joint investigation teams and European investigation orders in trafficking trials, and on jurisdiction over cross-border groups whose managers never entered the country.',
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
      "Young women from Nigeria were recruited with promises of work in shops and hair salons, made to swear a juju oath before a priest and told they owed 30,000 euros for the journey. In Italy the first defendant, known as the 'madam', put them on the streets of the coast north of Naples and took their earnings until the debt was paid. The court convicted four defendants of trafficking and reduction into slavery, holding that the juju ritual, and the fear the oath inspired, was a form of psychological coercion. It noted that three victims, after a period of recovery in a shelter, had obtained the special residence permit for social protection without having to testify, and that the others were heard under protective measures.",
    significantFeatures:
      'A much-cited Italian decision recognising juju oaths as psychological coercion that keeps victims in debt bondage, and illustrating the social-protection residence permit available to victims irrespective of their cooperation with the prosecution.',
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
      'Farm workers from Bulgaria, Romania and Morocco lived in a makeshift camp and were driven each morning by a gangmaster to tomato fields; he charged them for transport, water and food and paid them by the crate, far below the collective agreement. Those who complained were left without work. The court distinguished illicit intermediation and labor exploitation from reduction into servitude: it convicted the gangmaster and two farm owners of the former, and of trafficking for forced labor for the workers brought from abroad, but not of servitude, since the workers were free to leave. Statements of workers who had since left Italy, recorded at an early evidentiary hearing, were admitted, and several workers who testified received residence permits.',
    significantFeatures:
      'Frequently cited for the line between gangmastering and servitude in agriculture, and for the use of early evidentiary hearings to preserve the evidence of mobile seasonal workers who are likely to leave the country before trial.',
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
      "Crew members from Morocco and Bangladesh were recruited for a trawler of the Sicilian fishing fleet and held at sea for months at a time. The captain kept their passports and seamen's books, forbade the crew to go ashore when the fishing vessel called at port and paid them nothing beyond food, citing debts for their recruitment; crew who refused to work were beaten. The appeal court upheld the convictions of the captain and the owner of the vessel for trafficking for forced labour and reduction into servitude. It held that Italian courts have jurisdiction over offences on board an Italian-flagged vessel on the high seas, and that confinement on a fishing vessel deprives the crew of liberty. It awarded compensation and noted the residence permits granted to the crew.",
    significantFeatures:
      'A leading authority on trafficking for forced labour in fishing, where isolation at sea replaces physical confinement: it confirms flag-state jurisdiction and that crew held on board need not be locked up to be deprived of their liberty.',
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
      "After convicting members of a criminal organisation of trafficking women for sexual exploitation, the trial court ordered the extended confiscation of apartments, cars and bank deposits whose value was out of proportion to the defendants' declared income, and awarded compensation to the victims as civil parties. As the defendants had no other assets, the victims asked that their compensation be paid out of the confiscated assets. The Court of Cassation held that claims of trafficking victims for compensation take priority over the transfer of confiscated assets to the state, and that the anti-trafficking fund, which receives the proceeds of confiscation, must be used to pay the compensation awarded to victims when the offenders cannot pay.",
    significantFeatures:
      'The key Italian ruling linking confiscation and compensation: assets confiscated from traffickers are to be used first for the compensation of their victims, giving practical effect to the right to compensation under the EU Anti-Trafficking Directive.',
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
      'Workers from Pakistan and Bangladesh sewed handbags and garments for subcontractors of well-known fashion houses in workshops near Milan, where they also slept, working up to fourteen hours a day at piece rates of a few euros an hour. The owners of the workshops held their passports and deducted debts for the journey and for accommodation. The appeal court upheld the convictions for labour exploitation and trafficking and confirmed the confiscation of the machinery and bank balances of the workshops. It held that the workers, who had cooperated with labour inspectors, were entitled to special residence permits, and that the owners had used their irregular status as a means of control.',
    significantFeatures:
      'A reference case on labour exploitation in fashion supply chains: it treats undocumented status as a vulnerability the exploiters use, and confirms both the confiscation of the assets of the workshops and residence permits for workers who report exploitation.',
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
      'Women and girls from Nigeria were recruited in their home towns, held in a guarded compound in Libya where they were beaten and sold between groups, and then put on boats to Sicily, where associates of the recruiters received them and placed them in prostitution. One defendant, recognised by survivors after landing, had run the compound. He argued that Italian courts could not try acts committed only in Libya. The Court of Cassation held that the journey, the detention in Libya and the exploitation in Italy formed a single criminal plan, part of which was carried out in Italy, so that the whole offence is deemed committed on Italian territory. Statements taken from survivors soon after landing were admissible.',
    significantFeatures:
      'Extends Italian territorial jurisdiction to abuses in Libyan detention compounds when they form part of a trafficking chain ending in Italy; widely relied on in prosecutions of traffickers identified among new arrivals.',
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
      "Women from Bulgaria and Moldova were recruited as hostesses for bars in northern Greece, told they would only keep customers company over drinks. The owner of the bars took their passports, fined them for 'missing' drink quotas and required them to have sex with customers in rooms above the bar to pay off the resulting debts. The court convicted the owner and two employees of trafficking for sexual exploitation. Two victims who had returned home gave evidence by videoconference from Bulgaria, arranged through mutual legal assistance, in the presence of a psychologist; the court held this consistent with the rights of the defendants, whose lawyers could question the witnesses, and admitted the recordings.",
    significantFeatures:
      'An early Greek authority on hearing foreign trafficking victims by videoconference from their home country instead of making them return, and on fines and drink quotas as a method of creating debt bondage in bars.',
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
      'A broker recruited indebted men from Moldova and Ukraine with offers of building work in Greece and, once they had arrived, persuaded them to sell a kidney for a few thousand euros. The kidneys were removed at a private clinic in Attica and transplanted into wealthy patients from abroad, with forged documents presenting the donors as relatives of the recipients. The appeal court upheld the convictions of the broker, the medical director of the clinic and a surgeon for trafficking for the purpose of organ removal, holding that the formal consent of the donors was vitiated by deception and by the abuse of their poverty. It confirmed the confiscation of the fees paid to the private clinic and ordered compensation to the donors for the lasting harm to their health.',
    significantFeatures:
      'The leading Greek decision on trafficking for organ removal: the consent of a living donor who sells an organ under economic pressure is no defence, and doctors and private clinics that carry out such transplants are liable as participants.',
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
      "The defendant, the partner of a 16-year-old girl's aunt, took her from a marginalised settlement into his home after she left school, then made her receive clients in an apartment he rented for that purpose, keeping all the money. In his appeal in cassation he argued that the girl had agreed and had already worked in prostitution. The Areios Pagos dismissed the appeal: where the victim is a child, no means need be proved and any consent is irrelevant, and the past of the victim has no bearing on whether she was exploited. The court also upheld the confiscation of the apartment as an instrument of the offence, although it was registered in the name of a relative of the defendant.",
    significantFeatures:
      'Restates for Greek law that the consent of a child to sexual exploitation is irrelevant and that no means need be proved where the victim is a minor; also on confiscating property used for the offence when it is registered in the name of a third party.',
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
      'Workers from Bangladesh and Pakistan picked vegetables in greenhouses in western Greece for months without wages, living in huts made of plastic sheeting. When they demanded their pay, the foremen threatened them with dismissal and with reporting to the police. The criminal case against the farm owner ended in acquittal for lack of proof of intent, and the workers then sued him in the civil courts. The Court of Appeal of Athens held that civil liability does not depend on a criminal conviction, found that the workers had been subjected to forced labour within the meaning of Article 4 of the European Convention on Human Rights, and awarded unpaid wages and damages for non-pecuniary harm. It noted that the workers held residence permits as victims.',
    significantFeatures:
      'Shows that compensation for forced labour can be obtained in civil proceedings even after a criminal acquittal, using the Strasbourg definition of forced labour to establish liability; useful where a criminal prosecution fails.',
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
      'A 17-year-old from Pakistan travelling with other migrants was forced at gunpoint by smugglers on the opposite coast to steer an inflatable boat to a Greek island, under threat of being thrown overboard. Arrested when the boat landed, he was convicted of migrant smuggling. The Areios Pagos quashed the conviction. Courts must examine indications that a person accused of steering a migrant boat was himself a victim of trafficking for forced criminality, particularly a child, and where he was compelled to act, the non-punishment principle requires that he not be punished. The lower court had ignored his consistent account and the testimony of other passengers on the boat.',
    significantFeatures:
      'An important ruling on the non-punishment of people forced to steer migrant boats, who are often prosecuted as smugglers; it requires courts to look into indicators of trafficking of their own motion, especially where the accused is a child.',
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
      'Women who had fled the war in Ukraine were contacted in messaging-app groups for refugees and offered housekeeping jobs in hotels on the islands, with free travel. On arrival they were housed in a villa, told they owed the cost of travel and lodging, and made to meet clients arranged through the same channels. The court convicted three defendants of trafficking for sexual exploitation, holding that the situation of the victims as displaced persons was a position of vulnerability the defendants had deliberately targeted. The victims, who had been granted a recovery and reflection period, testified behind a screen and in the absence of the defendants, and their identities were withheld from the public.',
    significantFeatures:
      'One of the first Greek judgments on targeting refugees from the war in Ukraine through online channels, treating displacement as a position of vulnerability; it applies protective measures for witnesses and the recovery and reflection period to persons under temporary protection.',
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
      'The applicants, 31 construction workers from Ukraine and Moldova, were recruited by an agency to build a hotel complex. The employer withheld their passports, paid them only small advances against a growing debt for travel and lodging, and threatened them with violence when they asked for their wages. Labour inspectors visited the site twice, noted the conditions and took no further action; when the workers finally went to the police, several were expelled for irregular stay before they could give evidence. The Court found a violation of Article 4: the authorities knew or ought to have known of a real risk of forced labour and took no operational measures, and the expulsions deprived the workers of access to compensation and to residence permits as victims.',
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

export const DEMO_PRECEDENTS: DemoPrecedent[] = PRECEDENTS;

/** Searches with an obvious best hit: the precedent that is most about the words searched. */
export const SEARCH_PROBES: Array<{ search: string; best: string }> = [
  { search: 'children begging traffic lights', best: RS1 },
  { search: 'forced marriage minor', best: AL2 },
  { search: 'illegal adoption newborns', best: RS3 },
  { search: 'organ removal private clinic', best: GR2 },
  { search: 'cannabis cultivation non-punishment', best: DE2 },
  { search: 'fishing vessel crew', best: IT3 },
  { search: 'compensation confiscated assets', best: IT4 },
  { search: 'residence permit without testifying', best: AT3 },
  { search: 'fake modelling jobs', best: AL5 },
  { search: 'universal jurisdiction abroad', best: DE1 },
  { search: 'video testimony child', best: AT2 },
  { search: 'elderly home care', best: AT4 },
  { search: 'nightclub dancers', best: RS2 },
  { search: 'steering migrant boat', best: GR5 },
  { search: 'juju oath debt', best: IT1 },
  { search: 'slaughterhouse subcontractors', best: DE4 },
  { search: 'domestic servitude', best: CE2 },
];
