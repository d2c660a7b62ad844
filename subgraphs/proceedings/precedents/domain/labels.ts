import { REGION_LANGUAGES } from '../../../common/storage';
import {
  CooperationKind as C,
  EconomicSector as S,
  ExploitationPurpose as P,
  LegalIssue as I,
  TraffickingAct as A,
  TraffickingForm as F,
  TraffickingMeans as M,
} from '../schema/vocabulary';

/**
 * The labels of the SHERLOC keywords and legal issues in each language of the region, so a
 * judge finds a precedent by its keywords in their own language whatever the decision's
 * (decision 114). English is the value as words, as it always was (FORCED_LABOUR → 'forced
 * labour'); the others follow the terms of the instruments in those languages where they
 * have one (the Palermo Protocol's acts and means, Directive 2011/36/EU's purposes, the
 * national codes' words: StGB § 232 'Schuldknechtschaft' is not a term of the code, but of
 * the courts). Serbian in Latin script (Cyrillic is read as Latin anyway).
 */

type Labels = { de: string; it: string; el: string; sq: string; sr: string };

const LABELS: Readonly<Record<string, Labels>> = {
  [A.RECRUITMENT]: { de: 'Anwerbung', it: 'reclutamento', el: 'στρατολόγηση', sq: 'rekrutim', sr: 'vrbovanje' },
  [A.TRANSPORTATION]: { de: 'Beförderung', it: 'trasporto', el: 'μεταφορά', sq: 'transportim', sr: 'prevoz' },
  [A.TRANSFER]: { de: 'Verbringung', it: 'trasferimento', el: 'μεταβίβαση', sq: 'transferim', sr: 'prebacivanje' },
  [A.HARBOURING]: { de: 'Beherbergung', it: 'alloggio', el: 'παροχή καταλύματος', sq: 'strehim', sr: 'skrivanje' },
  [A.RECEIPT]: { de: 'Aufnahme', it: 'accoglienza', el: 'υποδοχή', sq: 'pritje', sr: 'primanje' },

  [M.THREAT_OF_FORCE]: { de: 'Androhung von Gewalt', it: 'minaccia della forza', el: 'απειλή χρήσης βίας', sq: 'kanosje me forcë', sr: 'pretnja silom' },
  [M.USE_OF_FORCE]: { de: 'Anwendung von Gewalt', it: 'uso della forza', el: 'χρήση βίας', sq: 'përdorim i forcës', sr: 'upotreba sile' },
  [M.COERCION]: { de: 'Nötigung', it: 'coercizione', el: 'εξαναγκασμός', sq: 'shtrëngim', sr: 'prinuda' },
  [M.ABDUCTION]: { de: 'Entführung', it: 'rapimento', el: 'απαγωγή', sq: 'rrëmbim', sr: 'otmica' },
  [M.FRAUD]: { de: 'Betrug', it: 'frode', el: 'απάτη', sq: 'mashtrim', sr: 'prevara' },
  [M.DECEPTION]: { de: 'Täuschung', it: 'inganno', el: 'εξαπάτηση', sq: 'dredhi', sr: 'obmana' },
  [M.ABUSE_OF_POWER]: { de: 'Machtmissbrauch', it: 'abuso di potere', el: 'κατάχρηση εξουσίας', sq: 'shpërdorim i pushtetit', sr: 'zloupotreba ovlašćenja' },
  [M.ABUSE_OF_VULNERABILITY]: {
    de: 'Ausnutzung einer Zwangslage',
    it: 'approfittamento di una situazione di vulnerabilità',
    el: 'κατάχρηση ευάλωτης θέσης',
    sq: 'shfrytëzim i pozitës së cenueshme',
    sr: 'zloupotreba teškog položaja',
  },
  [M.PAYMENTS_TO_CONTROLLER]: {
    de: 'Zahlungen an die kontrollierende Person',
    it: 'dazione di denaro a chi ha autorità sulla persona',
    el: 'πληρωμές σε πρόσωπο που ασκεί έλεγχο',
    sq: 'pagesa për personin që ka kontroll',
    sr: 'davanje novca licu koje ima kontrolu',
  },
  [M.DEBT_BONDAGE]: { de: 'Schuldknechtschaft', it: 'servitù per debiti', el: 'χρεοδουλεία', sq: 'skllavëri për borxh', sr: 'dužničko ropstvo' },
  [M.WITHHOLDING_DOCUMENTS]: { de: 'Einbehaltung von Ausweispapieren', it: 'sottrazione dei documenti', el: 'παρακράτηση εγγράφων', sq: 'mbajtje e dokumenteve', sr: 'oduzimanje isprava' },

  [P.SEXUAL_EXPLOITATION]: { de: 'sexuelle Ausbeutung', it: 'sfruttamento sessuale', el: 'σεξουαλική εκμετάλλευση', sq: 'shfrytëzim seksual', sr: 'seksualna eksploatacija' },
  [P.FORCED_LABOUR]: { de: 'Zwangsarbeit', it: 'lavoro forzato', el: 'καταναγκαστική εργασία', sq: 'punë e detyruar', sr: 'prinudni rad' },
  [P.SLAVERY]: { de: 'Sklaverei', it: 'schiavitù', el: 'δουλεία', sq: 'skllavëri', sr: 'ropstvo' },
  [P.SERVITUDE]: { de: 'Leibeigenschaft', it: 'servitù', el: 'δουλοπαροικία', sq: 'robëri', sr: 'odnos sličan ropstvu' },
  [P.ORGAN_REMOVAL]: { de: 'Organentnahme', it: 'prelievo di organi', el: 'αφαίρεση οργάνων', sq: 'heqje e organeve', sr: 'uzimanje organa' },
  [P.FORCED_CRIMINALITY]: { de: 'erzwungene Straftaten', it: 'costrizione a commettere reati', el: 'εξαναγκασμός σε εγκληματικές πράξεις', sq: 'kriminalitet i detyruar', sr: 'prinuda na vršenje krivičnih dela' },
  [P.FORCED_BEGGING]: { de: 'erzwungenes Betteln', it: 'accattonaggio forzato', el: 'εξαναγκαστική επαιτεία', sq: 'lypje e detyruar', sr: 'prinudno prosjačenje' },
  [P.FORCED_MARRIAGE]: { de: 'Zwangsheirat', it: 'matrimonio forzato', el: 'καταναγκαστικός γάμος', sq: 'martesë e detyruar', sr: 'prinudni brak' },
  [P.ILLEGAL_ADOPTION]: { de: 'illegale Adoption', it: 'adozione illegale', el: 'παράνομη υιοθεσία', sq: 'birësim i paligjshëm', sr: 'nezakonito usvojenje' },

  [C.MUTUAL_LEGAL_ASSISTANCE]: { de: 'Rechtshilfe', it: 'assistenza giudiziaria', el: 'δικαστική συνδρομή', sq: 'ndihmë juridike reciproke', sr: 'međunarodna pravna pomoć' },
  [C.EXTRADITION]: { de: 'Auslieferung', it: 'estradizione', el: 'έκδοση', sq: 'ekstradim', sr: 'izručenje' },
  [C.EUROPEAN_ARREST_WARRANT]: { de: 'Europäischer Haftbefehl', it: "mandato d'arresto europeo", el: 'ευρωπαϊκό ένταλμα σύλληψης', sq: 'urdhër evropian arresti', sr: 'evropski nalog za hapšenje' },
  [C.EUROPEAN_INVESTIGATION_ORDER]: { de: 'Europäische Ermittlungsanordnung', it: 'ordine europeo di indagine', el: 'ευρωπαϊκή εντολή έρευνας', sq: 'urdhër evropian hetimi', sr: 'evropski istražni nalog' },
  [C.JOINT_INVESTIGATION_TEAM]: { de: 'gemeinsame Ermittlungsgruppe', it: 'squadra investigativa comune', el: 'κοινή ομάδα έρευνας', sq: 'ekip i përbashkët hetimor', sr: 'zajednički istražni tim' },
  [C.TRANSFER_OF_PROCEEDINGS]: { de: 'Übertragung der Strafverfolgung', it: 'trasferimento dei procedimenti', el: 'μεταβίβαση ποινικής διαδικασίας', sq: 'transferim i procedimit', sr: 'ustupanje krivičnog gonjenja' },
  [C.LAW_ENFORCEMENT_COOPERATION]: { de: 'polizeiliche Zusammenarbeit', it: 'cooperazione di polizia', el: 'αστυνομική συνεργασία', sq: 'bashkëpunim policor', sr: 'policijska saradnja' },

  [F.DOMESTIC]: { de: 'innerstaatlich', it: 'interno', el: 'εσωτερική', sq: 'i brendshëm', sr: 'unutrašnja' },
  [F.TRANSNATIONAL]: { de: 'grenzüberschreitend', it: 'transnazionale', el: 'διακρατική', sq: 'ndërkombëtar', sr: 'transnacionalna' },
  [F.ORGANIZED_CRIMINAL_GROUP]: { de: 'organisierte kriminelle Gruppe', it: 'gruppo criminale organizzato', el: 'εγκληματική οργάνωση', sq: 'grup kriminal i organizuar', sr: 'organizovana kriminalna grupa' },
  [F.ONLINE_RECRUITMENT]: { de: 'Anwerbung im Internet', it: 'reclutamento online', el: 'διαδικτυακή στρατολόγηση', sq: 'rekrutim në internet', sr: 'vrbovanje putem interneta' },

  [S.AGRICULTURE]: { de: 'Landwirtschaft', it: 'agricoltura', el: 'γεωργία', sq: 'bujqësi', sr: 'poljoprivreda' },
  [S.CONSTRUCTION]: { de: 'Baugewerbe', it: 'edilizia', el: 'κατασκευές', sq: 'ndërtim', sr: 'građevinarstvo' },
  [S.DOMESTIC_WORK]: { de: 'Hausarbeit', it: 'lavoro domestico', el: 'οικιακή εργασία', sq: 'punë shtëpiake', sr: 'rad u domaćinstvu' },
  [S.FISHING]: { de: 'Fischerei', it: 'pesca', el: 'αλιεία', sq: 'peshkim', sr: 'ribolov' },
  [S.HOSPITALITY]: { de: 'Gastgewerbe', it: 'ristorazione', el: 'εστίαση', sq: 'hoteleri', sr: 'ugostiteljstvo' },
  [S.MANUFACTURING]: { de: 'verarbeitendes Gewerbe', it: 'manifattura', el: 'μεταποίηση', sq: 'prodhim', sr: 'prerađivačka industrija' },
  [S.TEXTILES]: { de: 'Textilindustrie', it: 'tessile', el: 'κλωστοϋφαντουργία', sq: 'tekstil', sr: 'tekstilna industrija' },
  [S.MINING]: { de: 'Bergbau', it: 'estrazione mineraria', el: 'ορυχεία', sq: 'minierë', sr: 'rudarstvo' },
  [S.CARE_WORK]: { de: 'Pflegearbeit', it: 'lavoro di cura', el: 'εργασία φροντίδας', sq: 'punë kujdesi', sr: 'rad u nezi' },
  [S.LOGISTICS]: { de: 'Logistik', it: 'logistica', el: 'εφοδιαστική', sq: 'logjistikë', sr: 'logistika' },
  [S.SEX_INDUSTRY]: { de: 'Sexgewerbe', it: 'industria del sesso', el: 'βιομηχανία του σεξ', sq: 'industri e seksit', sr: 'seks industrija' },
  [S.BEGGING]: { de: 'Betteln', it: 'accattonaggio', el: 'επαιτεία', sq: 'lypje', sr: 'prosjačenje' },
  [S.ENTERTAINMENT]: { de: 'Unterhaltungsbranche', it: 'intrattenimento', el: 'ψυχαγωγία', sq: 'argëtim', sr: 'zabava' },

  [I.NON_PUNISHMENT]: { de: 'Nichtbestrafung', it: 'non punibilità', el: 'μη τιμωρία', sq: 'mosndëshkim', sr: 'nekažnjavanje' },
  [I.RECOVERY_PERIOD]: { de: 'Bedenkzeit', it: 'periodo di recupero', el: 'περίοδος περίσκεψης', sq: 'periudhë rimëkëmbjeje', sr: 'period oporavka' },
  [I.COMPENSATION]: { de: 'Entschädigung', it: 'risarcimento', el: 'αποζημίωση', sq: 'kompensim', sr: 'naknada štete' },
  [I.WITNESS_PROTECTION]: { de: 'Zeugenschutz', it: 'protezione dei testimoni', el: 'προστασία μαρτύρων', sq: 'mbrojtje e dëshmitarëve', sr: 'zaštita svedoka' },
  [I.CHILD_VICTIM]: { de: 'minderjähriges Opfer', it: 'vittima minorenne', el: 'ανήλικο θύμα', sq: 'viktimë e mitur', sr: 'maloletna žrtva' },
  [I.JURISDICTION]: { de: 'Gerichtsbarkeit', it: 'giurisdizione', el: 'δικαιοδοσία', sq: 'juridiksion', sr: 'nadležnost' },
  [I.EVIDENCE_ADMISSIBILITY]: { de: 'Verwertbarkeit von Beweisen', it: 'ammissibilità delle prove', el: 'παραδεκτό αποδεικτικών μέσων', sq: 'pranueshmëri e provave', sr: 'dopuštenost dokaza' },
  [I.ASSET_CONFISCATION]: { de: 'Einziehung von Vermögen', it: 'confisca dei beni', el: 'δήμευση περιουσίας', sq: 'konfiskim i pasurive', sr: 'oduzimanje imovine' },
  [I.RESIDENCE_PERMIT]: { de: 'Aufenthaltstitel', it: 'permesso di soggiorno', el: 'άδεια διαμονής', sq: 'leje qëndrimi', sr: 'dozvola boravka' },
};

/** An enum value as words: FORCED_LABOUR → "forced labour" (its English label). */
export function asWords(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}

/** The label of a keyword or legal issue in `language` (one of the region's; English otherwise). */
export function labelOf(value: string, language: string): string {
  return (LABELS[value] as Record<string, string> | undefined)?.[language] ?? asWords(value);
}

/** Every value with a label: a test checks that each keyword and legal issue has one in every language. */
export const LABELLED: readonly string[] = Object.keys(LABELS);

/** The languages keywords are labelled in. */
export const LABEL_LANGUAGES: readonly string[] = REGION_LANGUAGES;
