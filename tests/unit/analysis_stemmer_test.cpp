// Per-script stemming (ANALYSIS.md §1–§3, §6.1): the stems of §9's columns.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "analysis/hebrew_stemmer.h"
#include "analysis/snowball_stemmer.h"
#include "kb/analysis/analysis.h"

namespace {

std::set<std::string> StemsOf(kb::Analyzer* a, const std::string& word, const std::string& lang) {
  auto tokens = a->Analyze(word, lang);
  REQUIRE_MESSAGE(tokens.size() == 1, word);
  return {tokens[0].stems.begin(), tokens[0].stems.end()};
}

}  // namespace

TEST_CASE("analysis stemmer: Hebrew has 69 prefix clusters") {
  CHECK(kb::analysis::HebrewStemmer().prefix_count() == 69);
}

TEST_CASE("analysis stemmer: Hebrew candidates are never empty strings") {
  const kb::analysis::HebrewStemmer stemmer;
  CHECK(stemmer.Candidates("").empty());
  CHECK(stemmer.Candidates("ב") == std::vector<std::string>{"ב"});
  CHECK(stemmer.Candidates("בים") ==
        std::vector<std::string>{"בימ"});  // too short for a prefix or ים
}

TEST_CASE("analysis stemmer: Hebrew candidate sets") {
  struct Case {
    const char* word;
    std::set<std::string> want;
  };
  const Case cases[] = {
      {"והחשבונות", {"והחשבונ", "החשבונ", "חשבונ"}},
      {"לחשבון", {"לחשבונ", "חשבונ"}},
      {"כשהמשתמש", {"כשהמשתמש", "שהמשתמש", "המשתמש", "משתמש"}},
      {"משתמשים", {"משתמש", "שתמש", "תמש"}},
      {"הביטול", {"הביטול", "ביטול"}},
      {"ביטול", {"ביטול", "יטול"}},
      {"סיסמאות", {"סיסמ"}},
      {"סיסמא", {"סיסמ"}},
      {"סיסמה", {"סיסמ"}},
      {"חשבוניות", {"חשבוני"}},
      {"חשבונית", {"חשבוני"}},
      {"צ'קים", {"צק"}},
      {"הלוואות", {"הלו", "לוו"}},  // a doubled ו is one letter, unless two would be left
      {"פנייה", {"פני"}},
      {"הפניה", {"הפני", "פני"}},
      {"קווים", {"קוו"}},
      {"שוויון", {"שויונ", "וויונ"}},
      {"שויון", {"שויונ", "ויונ"}},
      {"קבלה", {"קבל"}},
      {"שָׁלוֹם", {"שלומ", "לומ"}},
      // A feminine noun's construct form (ת for ה) meets the noun: מחיקת
      // החשבון and מחיקה, הורדת and הורדה; not ות or ית, nor too short a word.
      {"מחיקת", {"מחיקת", "מחיק", "חיקת", "חיק"}},
      {"מחיקה", {"מחיק", "חיק"}},
      {"הורדת", {"הורדת", "הורד", "ורדת", "ורד"}},
      {"בקשת", {"בקשת", "בקש", "קשת"}},
      {"עלות", {"עלות"}},
      {"דלת", {"דלת"}},
  };
  auto a = kb::NewAnalyzer();
  for (const Case& c : cases)
    CHECK_MESSAGE(StemsOf(a.get(), c.word, "he") == c.want, std::string(c.word));
}

TEST_CASE("analysis stemmer: Persian light stemmer") {
  struct Case {
    const char* word;
    std::set<std::string> want;
  };
  const Case cases[] = {
      {"حسابهایتان", {"حساب"}},
      {"سفارشات", {"سفارش"}},
      {"اطلاعات", {"اطلاع"}},
      {"بزرگترین", {"بزرگ"}},
      {"کاربران", {"کاربر"}},
      {"کاربری", {"کاربر"}},
      {"دوستان", {"دوست"}},
      {"ایرانی", {"ایران"}},
      {"زبانها", {"زبان"}},
      {"بهتر", {"بهتر"}},
      {"دفتر", {"دفتر"}},
      {"کمتر", {"کمتر"}},
      {"میدان", {"میدان"}},
      {"میز", {"میز"}},
      {"كتابهاي", {"کتاب"}},
      {"سؤالات", {"سوال"}},
      {"تنها", {"تنها"}},  // "only", protected: not تن + ها
      // A joined می/نمی may be a verb prefix or part of a noun: both candidates.
      {"میخواهم", {"خواهم", "میخواهم"}},
      {"نمیتوانم", {"توانم", "نمیتوانم"}},
      {"میرورهای", {"رورهای", "میرور"}},
  };
  auto a = kb::NewAnalyzer();
  for (const Case& c : cases) CHECK_MESSAGE(StemsOf(a.get(), c.word, "fa") == c.want, c.word);
}

TEST_CASE("analysis stemmer: Greek via libstemmer with folding and overrides") {
  struct Case {
    const char* word;
    const char* want;
  };
  const Case cases[] = {
      {"Λογαριασμός", "λογαριασμ"},
      {"ΛΟΓΑΡΙΑΣΜΟΥ", "λογαριασμ"},
      {"προϊόν", "προιον"},
      {"ΠΡΟΪΌΝ", "προιον"},
      {"προϊόντα", "προιον"},
      {"κωδικό", "κωδικ"},
      {"ρυθμίσεις", "ρυθμισ"},
      {"τιμολόγια", "τιμολογι"},
      {"παραγγελίες", "παραγγελ"},
      {"αλλάζω", "αλλαγ"},
      {"Αλλάξτε", "αλλαγ"},
      {"αλλαγές", "αλλαγ"},
      // Snowball cuts these to "εξ"; too short a stem from a long word is not trusted.
      {"εξωτερικό", "εξωτερικ"},
      {"εξωτερικές", "εξωτερικ"},
      {"ΕΞΩΤΕΡΙΚΟΥ", "εξωτερικ"},
      // Mediopassive present stems like the active: "is used" meets "uses".
      {"χρησιμοποιείται", "χρησιμοποι"},
      {"χρησιμοποιούνται", "χρησιμοποι"},
      {"χρησιμοποιεί", "χρησιμοποι"},
      {"εμφανίζεται", "εμφαν"},
      {"εμφανίζονται", "εμφαν"},
      {"εμφανίζει", "εμφαν"},
      {"απαιτείται", "απαιτ"},
      {"απαιτούν", "απαιτ"},
      // The passive aorist stems like the active aorist and the noun: "was
      // locked" meets "locked" and "locking"; a noun in -θήκες is left alone.
      {"κλειδώθηκε", "κλειδωσ"},
      {"κλείδωσε", "κλειδωσ"},
      {"αποθηκεύτηκε", "αποθηκευσ"},
      {"αποθήκευση", "αποθηκευσ"},
      {"χρεώθηκα", "χρεωσ"},
      {"χρέωση", "χρεωσ"},
      {"βιβλιοθήκες", "βιβλιοθηκ"},
      // Before its τ the passive aorist keeps the consonant of the verb's
      // other forms: "was shown", "was deleted", "was opened", "was checked"
      // meet the verb and its noun.
      {"εμφανίστηκε", "εμφαν"},
      {"εμφάνισε", "εμφαν"},
      {"μπλοκαρίστηκαν", "μπλοκαρ"},
      {"μπλοκάρει", "μπλοκαρ"},
      {"διαγράφτηκε", "διαγραφ"},
      {"διαγράφτηκαν", "διαγραφ"},
      {"διαγραφή", "διαγραφ"},
      {"ανοίχτηκε", "ανοιγ"},
      {"ανοίγει", "ανοιγ"},
      {"αλλάχτηκε", "αλλαγ"},
      {"ελέγχτηκε", "ελεγχ"},
      {"ελέγχθηκαν", "ελεγχ"},
      {"γράφθηκε", "γραφ"},
      {"γράφει", "γραφ"},
      {"έλεγχος", "ελεγχ"},
      // Verbs in -ώνω and -εύω: present, past continuous, participle and
      // imperative stem like the aorist and the noun ("update the app" meets
      // "app update"); nouns with the same letters (χειμώνα, αγώνες) are left
      // alone.
      {"κλειδώνει", "κλειδωσ"},
      {"κλειδώνουμε", "κλειδωσ"},
      {"κλείδωνε", "κλειδωσ"},
      {"κλειδωμένος", "κλειδωσ"},
      {"Κλειδώστε", "κλειδωσ"},
      {"κλείδωση", "κλειδωσ"},
      {"ενημερώνεται", "ενημερωσ"},
      {"ενημερωμένη", "ενημερωσ"},
      {"ενημέρωση", "ενημερωσ"},
      {"αποθηκεύει", "αποθηκευσ"},
      {"αποθηκεύονται", "αποθηκευσ"},
      {"αποθηκευμένα", "αποθηκευσ"},
      {"αποθηκεύστε", "αποθηκευσ"},
      {"δουλεύει", "δουλευσ"},
      {"δούλευε", "δουλευσ"},
      // Verbs in -ίζω: the noun and participle stem like the verb.
      {"εμφανίζει", "εμφαν"},
      {"εμφάνιση", "εμφαν"},
      {"εμφανίσεις", "εμφαν"},
      {"εμφανισμένο", "εμφαν"},
      {"ρυθμισμένη", "ρυθμισ"},
      // Participles in -ημένος stem like their verb in -ώ.
      {"ενεργοποιημένο", "ενεργοποι"},
      {"ενεργοποιεί", "ενεργοποι"},
      {"χειμώνα", "χειμων"},
      {"αγώνες", "αγων"},
      {"ευμενής", "ευμεν"},
      {"ώστε", "ωστ"},
      // A one-letter stem would match every word cut to that letter.
      {"πια", "πια"},
  };
  auto a = kb::NewAnalyzer();
  for (const Case& c : cases)
    CHECK_MESSAGE(StemsOf(a.get(), c.word, "el") == std::set<std::string>{c.want}, c.word);
}

TEST_CASE("analysis stemmer: Latin words use the document language or English") {
  auto a = kb::NewAnalyzer();
  CHECK(StemsOf(a.get(), "résumé", "en") == std::set<std::string>{"resum"});
  CHECK(StemsOf(a.get(), "passwords", "he") ==
        std::set<std::string>{"password"});  // English inside he
  CHECK(StemsOf(a.get(), "Settings", "") == std::set<std::string>{"set"});
  // French: Snowball sees the accents, the stem is folded afterwards.
  CHECK(StemsOf(a.get(), "télécharger", "fr") == StemsOf(a.get(), "téléchargement", "fr"));
  CHECK(StemsOf(a.get(), "Téléchargés", "fr-CA") == std::set<std::string>{"telecharg"});
  // German typed without umlauts (ae, oe, ue) stems like the umlaut.
  CHECK(StemsOf(a.get(), "Passwoerter", "de") == StemsOf(a.get(), "Passwörter", "de"));
  CHECK(StemsOf(a.get(), "Gebuehren", "de") == StemsOf(a.get(), "Gebühren", "de"));
  CHECK(StemsOf(a.get(), "Rueckerstattung", "de") == StemsOf(a.get(), "Rückerstattung", "de"));
  // Russian with or without ё.
  CHECK(StemsOf(a.get(), "счёт", "ru") == StemsOf(a.get(), "счета", "ru"));
}

TEST_CASE("analysis stemmer: digits and other scripts keep their folded form") {
  auto a = kb::NewAnalyzer();
  CHECK(StemsOf(a.get(), "۱۲۳۴۵", "fa") == std::set<std::string>{"12345"});
  CHECK(StemsOf(a.get(), "Пароли", "en") == std::set<std::string>{"пароли"});
  CHECK(StemsOf(a.get(), "Пароли", "ru") == std::set<std::string>{"парол"});
  CHECK(StemsOf(a.get(), "الكتاب", "ar") == std::set<std::string>{"كتاب"});
}

TEST_CASE("analysis stemmer: Persian light verbs stem to their infinitive") {
  struct Case {
    const char* word;
    const char* infinitive;
  };
  const Case cases[] = {
      {"کنم", "کردن"},       {"کنید", "کردن"},   {"میکنم", "کردن"},   {"نمیکنیم", "کردن"},
      {"بکنید", "کردن"},     {"کردم", "کردن"},   {"نکردند", "کردن"},  {"کن", "کردن"},
      {"شود", "شدن"},        {"میشوند", "شدن"},  {"بدهید", "دادن"},   {"داده", "دادن"},
      {"میزنم", "زدن"},      {"گرفتن", "گرفتن"}, {"بگیرید", "گرفتن"}, {"دارم", "داشتن"},
      {"گذاشتید", "گذاشتن"},
  };
  auto a = kb::NewAnalyzer();
  for (const Case& c : cases) {
    CAPTURE(std::string(c.word));
    CHECK(StemsOf(a.get(), c.word, "fa") == std::set<std::string>{c.infinitive});
  }
  // Words that only look like one: کند "slow", ده "ten", زن "woman", گیر "stuck".
  for (const char* word : {"کند", "ده", "زن", "گیر"}) {
    CAPTURE(std::string(word));
    CHECK(StemsOf(a.get(), word, "fa") == std::set<std::string>{word});
  }
}

TEST_CASE("analysis: AnalyzeQuery gives the words and stems that Analyze indexes") {
  auto a = kb::NewAnalyzer();
  const std::pair<const char*, const char*> texts[] = {
      {"حسابم رمزمو میخواد نرم‌افزارم", "fa"},
      {"והחשבונות שלי", "he"},
      {"οι κωδικοί μου", "el"},
      {"resetting my passwords", "en"},
      {"mes mots de passe", "fr"},
  };
  for (const auto& [text, lang] : texts) {
    CAPTURE(std::string(text));
    const auto plain = a->Analyze(text, lang);
    const auto query = a->AnalyzeQuery(text, lang);
    REQUIRE(plain.size() == query.size());
    for (size_t i = 0; i < plain.size(); ++i) {
      CHECK(plain[i].term == query[i].term);
      CHECK(plain[i].stems == query[i].stems);
      CHECK(plain[i].extra_terms == query[i].extra_terms);
      CHECK(plain[i].stopword == query[i].stopword);
      CHECK(plain[i].position == query[i].position);
      CHECK(plain[i].begin == query[i].begin);
      CHECK(plain[i].end == query[i].end);
    }
  }
}

TEST_CASE("analysis stemmer: german2 reads ae, oe, ue as umlauts, as Xapian 1.4's german2 did") {
  // Expected stems are what Xapian::Stem("german2") gives (the stemmer kb used
  // before libstemmer); the u between vowels and the letters after "qu" stay.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"passwoerter", "passwort"},
      {"passwörter", "passwort"},
      {"abquaelen", "abquael"},
      {"bauer", "bau"},
      {"aeusserst", "ausserst"},
      {"kaese", "kas"},
      {"käse", "kas"},
      {"schoen", "schon"},
      {"oeffnen", "offn"},
      {"frauen", "frau"},
      {"treue", "treu"},
      {"quelle", "quell"},
  };
  auto german2 = kb::analysis::SnowballStemmer::Create("german2");
  REQUIRE(german2 != nullptr);
  for (const auto& [word, stem] : cases) {
    CAPTURE(word);
    CHECK(german2->Stem(word) == stem);
  }
  CHECK(kb::analysis::German2Umlauts("quaelen") == "quaelen");
  CHECK(kb::analysis::German2Umlauts("bauer") == "bauer");
  CHECK(kb::analysis::German2Umlauts("muede") == "müde");
  CHECK(kb::analysis::SnowballStemmer::Create("klingon") == nullptr);
}
