#include "stopwords.h"

namespace kb::analysis {

// Function words only; one-letter Hebrew tokens are stopwords as well (handled by the analyzer).
const std::initializer_list<const char*>& HebrewStopwords() {
  static const std::initializer_list<const char*> kWords = {
      "של",  "את",    "על",    "עם",   "זה",   "זו",   "זאת",  "הוא", "היא", "הם",  "הן",
      "אני", "אתה",   "אנחנו", "אתם",  "אתן",  "לא",   "כן",   "גם",  "או",  "אבל", "כי",
      "אם",  "מה",    "מי",    "איך",  "איפה", "יש",   "אין",  "כל",  "רק",  "עוד", "אל",
      "לי",  "לך",    "לו",    "לה",   "לנו",  "להם",  "בו",   "בה",  "שם",  "כאן", "פה",
      "היה", "הייתה", "היו",   "יהיה", "אותו", "אותה", "אותם", "כמו", "אך",  "אז",
  };
  return kWords;
}

// Curated: function words, verb particles and the affixes that ZWNJ→space turns
// into tokens (ها های هایی ای ی می نمی ام اند). Help-desk content words such as
// کمک خدمات استفاده لطفا کار مردم are deliberately absent.
const std::initializer_list<const char*>& PersianStopwords() {
  static const std::initializer_list<const char*> kWords = {
      "و",
      "در",
      "به",
      "از",
      "که",
      "این",
      "آن",
      "با",
      "را",
      "برای",
      "تا",
      "یا",
      "هم",
      "نیز",
      "اما",
      "ولی",
      "اگر",
      "چه",
      "چون",
      "پس",
      "بر",
      "هر",
      "همه",
      "همین",
      "همان",
      "آنها",
      "اینها",
      "او",
      "ما",
      "شما",
      "من",
      "تو",
      "وی",
      "ایشان",
      "خود",
      "دیگر",
      "یک",
      "هیچ",
      "چند",
      "بی",
      "ها",
      "های",
      "هایی",
      "ای",
      "ی",
      "می",
      "نمی",
      "ام",
      "اند",
      "ایم",
      "اید",
      "است",
      "هست",
      "نیست",
      "بود",
      "بودن",
      "شد",
      "شده",
      "باشد",
      "باشند",
      "بوده",
      "کرد",
      "کرده",
      "یعنی",
      "اینکه",
      "آنکه",
      "چرا",
      "کجا",
      "کی",
      "آیا",
      "نه",
      "بله",
      "روی",
      "زیر",
      "پیش",
      "بین",
      // Parts of compound prepositions (از طریق "via", به وسیله/توسط "by", در مورد/درباره
      // "about", به طور "-ly") and question words.
      "طریق",
      "وسیله",
      "بوسیله",
      "توسط",
      "درباره",
      "مورد",
      "طور",
      "چطور",
      "چطوری",
      "چگونه",
      "کدام",
      "چی",
      "وقتی",
  };
  return kWords;
}

// Folded (no accents, σ for ς): articles, pronouns, prepositions, particles.
const std::initializer_list<const char*>& GreekStopwords() {
  static const std::initializer_list<const char*> kWords = {
      "ο",       "η",     "το",   "οι",    "τα",    "του",    "τησ",    "των",      "τον",
      "την",     "τουσ",  "τισ",  "ενα",   "ενασ",  "μια",    "μιασ",   "ενοσ",     "και",
      "κι",      "να",    "θα",   "δε",    "δεν",   "μη",     "μην",    "οτι",      "πωσ",
      "που",     "ποιοσ", "ποια", "ποιο",  "αυτοσ", "αυτη",   "αυτο",   "αυτοι",    "αυτεσ",
      "αυτα",    "εγω",   "εσυ",  "εμεισ", "εσεισ", "μου",    "σου",    "μασ",      "σασ",
      "τουσ",    "απο",   "σε",   "στο",   "στη",   "στην",   "στον",   "στα",      "στουσ",
      "στισ",    "στησ",  "στου", "με",    "για",   "προσ",   "κατα",   "μετα",     "χωρισ",
      "ωσ",      "ειναι", "ηταν", "αλλα",  "ομωσ",  "επισησ", "εαν",    "αν",       "οταν",
      "ενω",     "ή",     "ουτε", "μονο",  "μεσω",  "μπορω",  "μπορει", "μπορειτε", "μπορουμε",
      "μπορουν",
  };
  return kWords;
}

// Kept small on purpose: only words that carry no meaning in a help-desk query.
const std::initializer_list<const char*>& EnglishStopwords() {
  static const std::initializer_list<const char*> kWords = {
      "a",     "an",   "the",   "and",    "or",    "of",   "to",    "in",    "on",    "for",
      "is",    "are",  "was",   "were",   "be",    "been", "how",   "can",   "do",    "does",
      "my",    "i",    "me",    "you",    "your",  "it",   "its",   "this",  "that",  "with",
      "at",    "by",   "from",  "as",     "if",    "what", "when",  "where", "which", "who",
      "why",   "will", "would", "should", "could", "am",   "has",   "have",  "had",   "there",
      "their", "then", "than",  "so",     "but",   "into", "about", "not",   "no",
  };
  return kWords;
}

}  // namespace kb::analysis
