// Persian: kb's light stemmer (protected words, suffix rounds, the joined
// می/نمی, light verbs of compound verbs; persian_stemmer.h), Persian letter
// unification in the char filter (ي → ی, ك → ک...), and the usual language
// of Arabic letters: text with a letter only Persian writes is Persian.
// No real-word dictionary: fa_IR writes آ and ZWNJ, which folded query words
// no longer have.
#include "profiles.h"

namespace kb::analysis {
namespace {

// Letters only Persian uses: پ چ ژ گ ک ی.
bool IsPersianOnly(char32_t c) {
  return c == 0x067E || c == 0x0686 || c == 0x0698 || c == 0x06AF || c == 0x06A9 || c == 0x06CC;
}

}  // namespace

LanguageProfile PersianProfile() {
  LanguageProfile p;
  p.code = "fa";
  p.script = "Arab";
  p.stemmer = StemmerKind::kPersian;
  // Curated: function words, verb particles and the affixes that ZWNJ→space turns
  // into tokens (ها های هایی ای ی می نمی ام اند). Help-desk content words such as
  // کمک خدمات استفاده لطفا کار مردم are deliberately absent.
  p.stopwords = {
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
      // Possessive and comparative endings after a ZWNJ (کتاب‌تان, رمز‌هایشان,
      // بزرگ‌تر), which are not words either.
      "ات",
      "اش",
      "مان",
      "تان",
      "شان",
      "هایم",
      "هایت",
      "هایش",
      "هایمان",
      "هایتان",
      "هایشان",
      "تر",
      "ترین",
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
  p.owns_script_words = true;
  // Folded: no آ ة ۀ ئ ؤ or Arabic ي ك after the char filter.
  p.letters = U"ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیء";
  p.detection.group = 1;
  p.detection.marks = IsPersianOnly;
  return p;
}

}  // namespace kb::analysis
