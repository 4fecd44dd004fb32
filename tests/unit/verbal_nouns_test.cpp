#include "query/verbal_nouns.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using Stems = std::vector<std::string>;

TEST_CASE("verbal nouns: a Hebrew verb stem's noun, and a noun's verb stem") {
  // Verb stems (no inner vowel letters) give the noun's plene spelling.
  CHECK(kb::HebrewVerbalNounStems("בטל") == Stems{"ביטול", "בטיל"});  // pi'el ביטול, pa'al
  CHECK(kb::HebrewVerbalNounStems("שדרג") == Stems{"שדרוג"});         // לשדרג: שדרוג
  CHECK(kb::HebrewVerbalNounStems("עדכנ") == Stems{"עדכונ"});         // final nun unfinaled
  // Nouns give the stem without their inner ו and י.
  CHECK(kb::HebrewVerbalNounStems("ביטול") == Stems{"בטל"});
  CHECK(kb::HebrewVerbalNounStems("סנכרונ") == Stems{"סנכרנ"});
  // Pa'al: the infinitive or participle (CCוC) and the noun (CCיC) meet:
  // למחוק and מחיקה, נעול ("locked") and נעילה; each also gives its root.
  CHECK(kb::HebrewVerbalNounStems("מחוק") == Stems{"מחק", "מחיק"});
  CHECK(kb::HebrewVerbalNounStems("מחיק") == Stems{"מחק", "מחוק"});
  CHECK(kb::HebrewVerbalNounStems("נעול") == Stems{"נעל", "נעיל"});
  // Hif'il: the verb (הCCיC) and the noun (הCCC): להוריד and הורדה.
  CHECK(kb::HebrewVerbalNounStems("הוריד") == Stems{"הרד", "הורד"});
  CHECK(kb::HebrewVerbalNounStems("החלפ") == Stems{"החלופ", "החליפ"});
  // First and last letters stay; too short a result, or another length,
  // or other letters give nothing.
  CHECK(kb::HebrewVerbalNounStems("יוי").empty());
  CHECK(kb::HebrewVerbalNounStems("אב").empty());
  CHECK(kb::HebrewVerbalNounStems("מסלמנ").empty());
  CHECK(kb::HebrewVerbalNounStems("reset").empty());
  CHECK(kb::HebrewVerbalNounStems("").empty());
}

TEST_CASE("verbal nouns: a Greek verb stem in -αιν or -υν and its noun's in -ανσ or -υνσ") {
  CHECK(kb::GreekVerbalNounStems("υπερθερμαιν") == Stems{"υπερθερμανσ"});  // υπερθερμαίνεται
  CHECK(kb::GreekVerbalNounStems("υπερθερμανσ") == Stems{"υπερθερμαιν"});  // υπερθέρμανση
  CHECK(kb::GreekVerbalNounStems("επιβραδυν") == Stems{"επιβραδυνσ"});     // επιβραδύνει
  CHECK(kb::GreekVerbalNounStems("επιβραδυνσ") == Stems{"επιβραδυν"});     // επιβράδυνση
  // Too short a stem, other endings (the -ηση nouns of verbs in -ώ did not
  // pay), other scripts: nothing.
  CHECK(kb::GreekVerbalNounStems("μαιν").empty());
  CHECK(kb::GreekVerbalNounStems("ενεργοποιησ").empty());
  CHECK(kb::GreekVerbalNounStems("ενεργοποι").empty());
  CHECK(kb::GreekVerbalNounStems("ביטול").empty());
  CHECK(kb::GreekVerbalNounStems("").empty());
}
