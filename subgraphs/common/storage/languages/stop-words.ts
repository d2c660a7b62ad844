/**
 * Stop words of the region's languages other than English (English's are in ../text.ts),
 * written as the analyzer sees a word: lowercase, diacritics folded, Greek final sigma as σ,
 * Serbian in Latin script. Short on purpose: the commonest function words only, taken from
 * the Snowball stop lists (snowballstem.org/algorithms/{german,italian}/stop.txt), Lucene's
 * Greek list (after Ntais 2006), and the stopwords-iso lists for Albanian and Serbian
 * (github.com/stopwords-iso), less any word that is also an English word a judge might
 * search for ('war', 'hat', 'come', 'ai'): a word that is a stop word in any language a
 * query is read in is left out of the query (search.ts).
 */
export const STOP_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  de: new Set([
    'aber', 'alle', 'als', 'am', 'an', 'auch', 'auf', 'aus', 'bei', 'bis', 'da', 'das', 'dass', 'dem', 'den', 'der', 'des', 'die', 'dies', 'diese',
    'dieser', 'durch', 'ein', 'eine', 'einem', 'einen', 'einer', 'eines', 'er', 'es', 'fur', 'gegen', 'hatte', 'ich', 'ihr', 'ihre', 'im', 'in', 'ist',
    'mit', 'nach', 'nicht', 'noch', 'nur', 'oder', 'ob', 'sich', 'sie', 'sind', 'so', 'uber', 'um', 'und', 'uns', 'unter', 'vom', 'von', 'vor', 'waren',
    'was', 'wie', 'wird', 'wurde', 'wurden', 'zu', 'zum', 'zur',
  ]),
  it: new Set([
    'a', 'ad', 'al', 'alla', 'alle', 'agli', 'ai', 'anche', 'che', 'chi', 'con', 'cui', 'da', 'dal', 'dalla', 'dalle', 'dei', 'del', 'della', 'delle',
    'dello', 'degli', 'di', 'e', 'ed', 'gli', 'i', 'il', 'in', 'la', 'le', 'lo', 'loro', 'ma', 'ne', 'negli', 'nei', 'nel', 'nella', 'nelle', 'non', 'o',
    'per', 'piu', 'quale', 'quali', 'questo', 'questa', 'se', 'si', 'sono', 'su', 'sua', 'sue', 'suo', 'suoi', 'tra', 'fra', 'un', 'una', 'uno', 'erano',
    'ha', 'hanno', 'aveva', 'essere', 'stato', 'stata',
  ]),
  el: new Set([
    'ο', 'η', 'το', 'οι', 'τα', 'του', 'τησ', 'των', 'τον', 'την', 'τισ', 'τουσ', 'και', 'κι', 'ειναι', 'να', 'θα', 'με', 'σε', 'στο', 'στη', 'στην',
    'στον', 'στα', 'στισ', 'στουσ', 'απο', 'για', 'προσ', 'ωσ', 'αλλα', 'που', 'οτι', 'δεν', 'μη', 'μην', 'αν', 'ενα', 'ενασ', 'μια', 'μιασ', 'ενοσ',
    'αυτο', 'αυτη', 'αυτοσ', 'επι', 'κατα', 'μετα', 'παρα', 'χωρισ',
  ]),
  sq: new Set([
    'dhe', 'e', 'te', 'i', 'u', 'se', 'ne', 'me', 'per', 'nga', 'nje', 'si', 'qe', 'ka', 'kane', 'eshte', 'jane', 'ishte', 'ishin', 'do', 'por', 'ose',
    'apo', 'mbi', 'pas', 'nen', 'tek', 'deri', 'ky', 'kjo', 'keto', 'ato', 'ajo', 'saj', 'tij', 'tyre', 'edhe', 'nuk', 's', 'sa', 'cdo', 'gjate', 'prej',
  ]),
  sr: new Set([
    'i', 'u', 'na', 'za', 'od', 'do', 'se', 'je', 'su', 'da', 'ne', 'koji', 'koja', 'koje', 'kao', 'sa', 's', 'iz', 'po', 'o', 'a', 'ali', 'ili', 'kod',
    'bi', 'bio', 'bila', 'bilo', 'biti', 'to', 'te', 'ta', 'taj', 'ova', 'ovaj', 'ovo', 'smo', 'ste', 'kroz', 'pri', 'prema', 'nakon', 'posle', 'bez',
    'nije', 'nisu', 'jer', 'vec', 'samo', 'jos', 'li', 'njegov', 'njegova', 'njihov', 'ih', 'ga', 'mu', 'joj',
  ]),
};
