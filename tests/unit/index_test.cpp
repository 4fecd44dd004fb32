// Schema, publishing and searching against a real Xapian index in a temp dir.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "index/db_dir.h"
#include "index/schema.h"
#include "index/spelling.h"
#include "kb/index/publish.h"
#include "kb/index/search.h"
#include "kb/sources/article_sources.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

using kb::test::Workspace;

void WriteBasics(Workspace& ws) {
  ws.Write("en/account/reset-password", "title: How do I reset my password?\nlang: en\nfaq: true",
           "## Reset it\nOpen **Settings** and choose *Reset password*. Passwords expire.");
  ws.Write("en/billing/refunds", "title: Refunds\nlang: en\ntags: [money]",
           "Refunds arrive within ten days.");
  ws.Write("en/ops/fraud-runbook", "title: Fraud runbook\nlang: en\naudience: internal",
           "Secret zorblax procedure for refunds.");
  ws.Write("en/drafts/upcoming", "title: Upcoming\nlang: en\ndraft: true", "zorblax draft text");
}

// The id of the one article `query` finds (fails the test when it finds
// another number of articles).
std::string OnlyHit(Workspace& ws, const std::string& query, const std::string& lang) {
  auto r = ws.Search(query, lang);
  REQUIRE(r.total == 1);
  return r.hits[0].id;
}

}  // namespace

TEST_CASE("schema: long ids are hashed into a term Xapian accepts") {
  CHECK(kb::schema::IdTerm("en/a") == "Qen/a");
  const std::string long_id(300, 'x');
  const std::string term = kb::schema::IdTerm(long_id);
  CHECK(term.size() <= kb::schema::kMaxTermBytes);
  CHECK(term.rfind("Q#", 0) == 0);
  CHECK(kb::schema::IdTerm(long_id) == term);  // stable
}

TEST_CASE("db_dir: generations are never reused and CURRENT switches atomically") {
  Workspace ws;
  CHECK(kb::ReadCurrentGeneration(ws.db()).status().code() == kb::StatusCode::kNotFound);
  auto first = kb::NewGenerationName(ws.db());
  REQUIRE(first.ok());
  fs::create_directories(kb::GenerationPath(ws.db(), *first));
  auto second = kb::NewGenerationName(ws.db());
  REQUIRE(second.ok());
  CHECK(*first != *second);
  REQUIRE(kb::SwitchGeneration(ws.db(), *second).ok());
  CHECK(*kb::ReadCurrentGeneration(ws.db()) == *second);
  std::ofstream(fs::path(ws.db()) / "CURRENT") << "../../etc\n";
  CHECK(kb::ReadCurrentGeneration(ws.db()).status().code() == kb::StatusCode::kCorruption);
}

TEST_CASE("publish: first run builds, second run changes nothing, edits are incremental") {
  Workspace ws;
  WriteBasics(ws);
  auto first = ws.Publish();
  CHECK(first.rebuilt);
  CHECK(first.added == 3);  // the draft is not published
  CHECK(first.sequence == 1);

  auto again = ws.Publish();
  CHECK_FALSE(again.committed);
  CHECK(again.unchanged == 3);  // drafts are not stored, so they are read again
  CHECK(again.sequence == 1);

  ws.Write("en/billing/refunds", "title: Refunds\nlang: en", "Refunds arrive within quuxly days.");
  ws.Remove("en/account/reset-password");
  auto edit = ws.Publish();
  CHECK_FALSE(edit.rebuilt);
  CHECK(edit.updated == 1);
  CHECK(edit.deleted == 1);
  CHECK(edit.sequence == 2);
  CHECK(edit.generation == first.generation);
  CHECK(ws.Search("quuxly").total == 1);
  CHECK(ws.Search("password").total == 0);
}

namespace {

// Publishes `ws`'s articles with `options` set; the raw result.
kb::Result<kb::PublishReport> PublishWith(Workspace& ws, bool allow_mass_delete,
                                          bool rebuild = false) {
  auto source = kb::NewFolderSource(ws.articles());
  kb::PublishOptions options;
  options.db_dir = ws.db();
  options.allow_mass_delete = allow_mass_delete;
  options.force_rebuild = rebuild;
  return kb::Publish(*source, options);
}

void WriteNumbered(Workspace& ws, int count) {
  for (int i = 0; i < count; ++i)
    ws.Write("en/bulk/a" + std::to_string(i), "title: Article " + std::to_string(i) + "\nlang: en",
             "The snorkwhistle number " + std::to_string(i) + ".");
}

}  // namespace

TEST_CASE("publish: deleting more than half of the articles, and more than five, is refused") {
  struct Case {
    int published, deleted;
    bool refused;
  };
  const Case cases[] = {
      {6, 5, false},                   // a handful may go, even most of a small help center
      {6, 6, true},                    // all six
      {10, 5, false},                  // half is not more than half
      {11, 6, true},  {40, 40, true},  // an empty folder
  };
  for (const Case& c : cases) {
    for (const bool rebuild : {false, true}) {
      CAPTURE(c.published);
      CAPTURE(c.deleted);
      CAPTURE(rebuild);
      Workspace ws;
      WriteNumbered(ws, c.published);
      REQUIRE(ws.Publish().added == static_cast<size_t>(c.published));
      for (int i = 0; i < c.deleted; ++i) ws.Remove("en/bulk/a" + std::to_string(i));
      auto refused = PublishWith(ws, false, rebuild);
      CHECK(refused.ok() == !c.refused);
      if (c.refused) {
        CHECK(refused.status().code() == kb::StatusCode::kInvalidArgument);
        CHECK(refused.status().message().find("it would delete " + std::to_string(c.deleted) +
                                              " of the " + std::to_string(c.published) +
                                              " published articles") != std::string::npos);
        CHECK(refused.status().message().find("--allow-mass-delete") != std::string::npos);
        CHECK(ws.Search("snorkwhistle").total ==
              static_cast<size_t>(c.published));  // nothing changed
        auto allowed = PublishWith(ws, true, rebuild);
        REQUIRE(allowed.ok());
      }
      CHECK(ws.Search("snorkwhistle").total == static_cast<size_t>(c.published - c.deleted));
    }
  }
}

TEST_CASE("spelling: KnownWords finds the public words among many, in the order given") {
  Workspace ws;
  ws.Write("en/a/password", "title: Password\nlang: en", "Change your password here.");
  ws.Write("en/ops/secret", "title: Runbook\nlang: en\naudience: internal",
           "The flumbergast procedure.");
  ws.Publish();
  const Xapian::Database db(kb::GenerationPath(ws.db(), *kb::ReadCurrentGeneration(ws.db())));
  kb::XapianVocabulary vocabulary(db, "en");
  const std::vector<std::string> terms{"zzz",    "password", "flumbergast",
                                       "change", "aaa",      "password"};
  const std::vector<std::string> want{"password", "change", "password"};
  CHECK(vocabulary.KnownWords(terms) == want);
  // The same answer as one lookup per word.
  std::vector<std::string> one_by_one;
  for (const std::string& t : terms)
    if (vocabulary.KnownWord(t)) one_by_one.push_back(t);
  CHECK(one_by_one == want);
}

TEST_CASE("publish: one bad article publishes nothing and keeps the live index") {
  Workspace ws;
  WriteBasics(ws);
  ws.Publish();
  ws.Write("en/billing/refunds", "title: Refunds\nlang: en", "Now mentions blorptastic.");
  ws.Write("en/billing/broken", "title: [unclosed\nlang: en", "body");
  auto bad = ws.Publish();
  REQUIRE_FALSE(bad.errors.empty());
  CHECK_FALSE(bad.committed);
  CHECK(bad.errors[0].path.find("broken") != std::string::npos);
  CHECK(ws.Search("blorptastic").total == 0);  // the good change was not published either
  CHECK(ws.Search("refunds").total >= 1);
}

TEST_CASE("search: customers never see internal articles; agents do; drafts exist for nobody") {
  Workspace ws;
  WriteBasics(ws);
  ws.Publish();
  CHECK(ws.Search("zorblax").total == 0);
  auto agent = ws.Search("zorblax", "", /*agent=*/true);
  REQUIRE(agent.total == 1);
  CHECK(agent.hits[0].id == "en/ops/fraud-runbook");
  CHECK(agent.hits[0].internal);
  const kb::SearchResponse public_hits = ws.Search("password", "", /*agent=*/true);
  REQUIRE_FALSE(public_hits.hits.empty());
  for (const kb::SearchHit& hit : public_hits.hits) CHECK_FALSE(hit.internal);
  auto searcher = kb::Searcher::Open(ws.db());
  REQUIRE(searcher.ok());
  CHECK((*searcher)->GetArticle("en/ops/fraud-runbook", false).status().code() ==
        kb::StatusCode::kNotFound);
  CHECK((*searcher)->GetArticle("en/ops/fraud-runbook", true).ok());
  CHECK((*searcher)->GetArticle("en/drafts/upcoming", true).status().code() ==
        kb::StatusCode::kNotFound);
}

TEST_CASE("search: ranked hits with escaped, marked snippets and stemming") {
  Workspace ws;
  WriteBasics(ws);
  ws.Write("en/misc/html", "title: Tags\nlang: en", "Type `<b>passwords</b>` & more.");
  ws.Publish();
  auto r = ws.Search("password reset", "en");
  REQUIRE(r.total >= 1);
  CHECK(r.hits[0].id == "en/account/reset-password");
  CHECK(r.hits[0].snippet.find("<mark>") != std::string::npos);
  auto html = ws.Search("passwords", "en");
  bool found = false;
  for (const auto& hit : html.hits) {
    if (hit.id != "en/misc/html") continue;
    found = true;
    CAPTURE(hit.snippet);
    CHECK(hit.snippet.find("&lt;b&gt;<mark>passwords</mark>&lt;/b&gt;") != std::string::npos);
  }
  CHECK(found);
}

TEST_CASE("synonyms: groups, one-way rules and phrases apply at query time; reloaded on publish") {
  Workspace ws;
  // Words that no built-in rule covers.
  ws.Write("en/billing/rebates", "title: Rebates\nlang: en", "Your rebate arrives in ten days.");
  ws.Write("en/billing/statements", "title: Statements\nlang: en", "Download a statement as PDF.");
  ws.Write("en/billing/memos", "title: Paper\nlang: en", "We never send a memo by post.");
  ws.Write("en/account/signin", "title: Access\nlang: en", "Use sign in on the start page.");
  ws.Publish();
  CHECK(ws.Search("cashback", "en").total == 0);

  ws.WriteFile("_synonyms.yml", "en:\n  - [rebate, cashback]\n  - memo => statement\n");
  auto report = ws.Publish();
  CHECK(report.committed);                    // only the synonyms changed, and that is a publish
  auto group = ws.Search("cashbacks", "en");  // a stem of the key matches too
  REQUIRE(group.total == 1);
  CHECK(group.hits[0].id == "en/billing/rebates");
  CHECK(group.hits[0].snippet.find("<mark>rebate</mark>") != std::string::npos);
  auto one_way = ws.Search("memo", "en");
  CHECK(one_way.total == 2);  // the memo article and, through the rule, the statement one
  CHECK(ws.Search("statement", "en").total == 1);  // not the other way round
  // Built-in help-desk synonyms: "login" also finds the phrase "sign in".
  CHECK(OnlyHit(ws, "login", "en") == "en/account/signin");
}

TEST_CASE("search: a Greek verb in -ώνω, -εύω or -ίζω also finds the articles with its noun") {
  Workspace ws;
  ws.Write("el/a/update", "title: Ενημέρωση της εφαρμογής\nlang: el",
           "Η νέα έκδοση φέρνει διορθώσεις.");
  ws.Write("el/a/locked", "title: Κλείδωμα λογαριασμού\nlang: el",
           "Ο λογαριασμός είναι κλειδωμένος μετά από λάθη.");
  ws.Write("el/a/save", "title: Αποθήκευση αρχείων\nlang: el", "Τα αρχεία μένουν στον φάκελο.");
  ws.Write("el/a/show", "title: Εμφάνιση ειδοποιήσεων\nlang: el",
           "Οι ειδοποιήσεις έρχονται στην οθόνη.");
  // The verbs' present forms are in the index too, so the query words are
  // known and not spelling-corrected: only stemming joins them.
  ws.Write("el/a/verbs", "title: Ρυθμίσεις\nlang: el",
           "Η εφαρμογή ενημερώνει, κλειδώνει την οθόνη, αποθηκεύει και εμφανίζει.");
  ws.Publish();
  auto ids = [&ws](const std::string& query) {
    std::set<std::string> out;
    for (const auto& hit : ws.Search(query, "el").hits) out.insert(hit.id);
    return out;
  };
  CHECK(ids("πώς ενημερώνω") == std::set<std::string>{"el/a/update", "el/a/verbs"});
  CHECK(ids("κλειδώνεται") == std::set<std::string>{"el/a/locked", "el/a/verbs"});
  CHECK(ids("δεν αποθηκεύονται") == std::set<std::string>{"el/a/save", "el/a/verbs"});
  CHECK(ids("δεν εμφανίζονται") == std::set<std::string>{"el/a/show", "el/a/verbs"});
}

TEST_CASE(
    "search: Greek typed in Latin letters (Greeklish) finds, ranks and marks the Greek words") {
  Workspace ws;
  ws.Write("el/a/password", "title: Αλλαγή κωδικού πρόσβασης\nlang: el",
           "Ο κωδικός πρόσβασης αλλάζει από τις ρυθμίσεις του λογαριασμού.");
  ws.Write("el/a/printer", "title: Εκτυπωτής\nlang: el",
           "Ο εκτυπωτής συνδέεται μέσω Bluetooth ή AirPrint.");
  ws.Write("en/a/printer", "title: Printer\nlang: en", "The printer connects over Bluetooth.");
  ws.Publish();
  // Inflected and in several spellings, like the Greek words they stand for,
  // and with a typo (kwdiksos, logariamsou).
  for (const char* q : {"kwdikos prosvasis", "kodikou prosbashs", "allagh kwdikou",
                        "ry8miseis logariasmou", "kwdiksos", "rythmiseis logariamsou"}) {
    CAPTURE(q);
    const auto r = ws.Search(q, "el");
    REQUIRE(r.total >= 1);
    CHECK(r.hits[0].id == "el/a/password");
    CHECK_FALSE(r.suggestion.has_value());  // read as Greek, not "corrected"
  }
  const auto marked = ws.Search("kwdikos prosvasis", "el");
  CAPTURE(marked.hits[0].snippet);
  CHECK(marked.hits[0].snippet.find("<mark>κωδικός</mark> <mark>πρόσβασης</mark>") !=
        std::string::npos);
  // A Latin word that articles have as written is a name, not Greeklish.
  const auto brand = ws.Search("ektypwths bluetooth", "el");
  REQUIRE(brand.total >= 1);
  CHECK(brand.hits[0].id == "el/a/printer");
  CHECK(brand.hits[0].snippet.find("<mark>Bluetooth</mark>") != std::string::npos);
  // Greek stopwords typed in Latin letters are stopwords.
  CHECK(OnlyHit(ws, "na allaxw ton kwdiko", "el") == "el/a/password");
  // Only Greek queries read Latin words as Greeklish.
  CHECK(ws.Search("kwdikos", "en").total == 0);
  // lang=auto: Latin letters that read as Greeklish are Greek; English stays English.
  const auto detected = ws.Search("kwdikos prosvasis", "auto");
  CHECK(detected.lang == "el");
  CHECK(detected.lang_detected);
  REQUIRE(detected.total >= 1);
  CHECK(detected.hits[0].id == "el/a/password");
  CHECK(ws.Search("printer bluetooth", "auto").lang == "en");
  // Names that Greek articles write in Latin letters count for neither.
  CHECK(ws.Search("ektypwths bluetooth airprint", "auto").lang == "el");
}

TEST_CASE("search: lang=auto counts a real English word that reads as Greeklish half for each") {
  Workspace ws;
  ws.Write("el/a/password", "title: Αλλαγή κωδικού\nlang: el",
           "Ο κωδικός αλλάζει από τις ρυθμίσεις. Οι μπινέδες δεν αλλάζουν.");
  ws.Write("en/a/trash", "title: Deleted files\nlang: en",
           "Files you delete go to the recycle folder.");
  ws.Publish();
  // "bin" is in no article and reads as Greeklish (μπινέδες), but it is a
  // real English word too: it counts half for each, "recycle" for English.
  REQUIRE_FALSE(ws.Search("bin", "el").hits.empty());
  CHECK(ws.Search("recycle bin", "auto").lang == "en");
  // Greek words that are also English words do not turn Greeklish into English.
  CHECK(ws.Search("den allazei o kwdikos", "auto").lang == "el");
}

TEST_CASE(
    "search: a word only internal Greek articles have reads as unknown to customers in Greeklish") {
  Workspace ws;
  ws.Write("el/a/password", "title: Αλλαγή κωδικού\nlang: el",
           "Ο κωδικός αλλάζει από τις ρυθμίσεις.");
  ws.Write("el/ops/runbook", "title: Διαδικασία\nlang: el\naudience: internal",
           "Η διαδικασία ζορμπλαξ για τις επιστροφές.");
  ws.Publish();
  // Detected as Greek only through a public word; the internal one looks
  // like any unknown word.
  CHECK(ws.Search("kwdikos", "auto").lang == "el");
  CHECK(ws.Search("zormplaks", "auto").lang == ws.Search("qwxzvbnt", "auto").lang);
  CHECK(ws.Search("zormplaks", "el").total == 0);
}

TEST_CASE("synonyms: a multi-word key also finds its words apart and inflected") {
  Workspace ws;
  // "وارد ... شوید" (enter ... become): the built-in rule [ورود, لاگین, وارد شدن]
  // has the infinitive phrase, which this article never writes verbatim.
  ws.Write("fa/account/enter", "title: حساب\nlang: fa", "لطفا با ایمیل خود وارد حساب شوید.");
  ws.Write("fa/account/other", "title: سفارش\nlang: fa", "سفارش شما ارسال شد.");
  ws.Publish();
  auto found = ws.Search("وارد شدن", "fa");
  REQUIRE(found.total == 1);
  CHECK(found.hits[0].id == "fa/account/enter");
  // Both words are marked where they stand, the inflected one too.
  CAPTURE(found.hits[0].snippet);
  CHECK(found.hits[0].snippet.find("<mark>وارد</mark>") != std::string::npos);
  CHECK(found.hits[0].snippet.find("<mark>شوید</mark>") != std::string::npos);
}

namespace {

// Which of two articles with the same words, counts and length ranks first
// for `query`: one has `second` right after "gift", the other has it at the
// end. The far one is written first, so it would win a tie.
std::string NearOrFar(const std::string& query, const std::string& second,
                      const std::string& synonyms) {
  Workspace ws;
  if (!synonyms.empty()) ws.WriteFile("_synonyms.yml", synonyms);
  ws.Write("en/a/far", "title: Notes\nlang: en",
           "A gift is welcome. Orders ship daily from our store. Pay by " + second + ".");
  ws.Write("en/a/near", "title: Notes\nlang: en",
           "A welcome is gift " + second + ". Orders ship daily from our store. Pay by.");
  ws.Publish();
  auto r = ws.Search(query, "en");
  REQUIRE(r.total == 2);
  return r.hits[0].id;
}

}  // namespace

TEST_CASE("ranking: query words near each other rank above the same words far apart") {
  CHECK(NearOrFar("gift card", "card", "") == "en/a/near");
}

TEST_CASE("ranking: a synonym of a query word counts as that word for proximity") {
  CHECK(NearOrFar("gift coupon", "voucher", "en:\n  - [coupon, voucher]\n") == "en/a/near");
}

TEST_CASE("synonyms: a bad synonyms file publishes nothing") {
  Workspace ws;
  ws.Write("en/billing/refunds", "title: Refunds\nlang: en", "Your refund arrives in ten days.");
  ws.Publish();
  ws.WriteFile("_synonyms.yml", "en:\n  - [refund]\n");
  ws.Write("en/billing/new", "title: New\nlang: en", "brandnewword");
  auto report = ws.Publish();
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].ToString().find("_synonyms.yml:2: ") != std::string::npos);
  CHECK_FALSE(report.committed);
  CHECK(ws.Search("brandnewword").total == 0);
}

TEST_CASE("spelling: suggestions come from public words of the query's language only") {
  Workspace ws;
  ws.Write("en/a/password", "title: Password\nlang: en", "Change your password here.");
  ws.Write("de/a/konto", "title: Konto\nlang: de", "Ihr Konto und Ihre Daten.");
  ws.Write("en/ops/secret", "title: Runbook\nlang: en\naudience: internal",
           "The flumbergast procedure.");
  ws.Publish();
  auto en = ws.Search("pasword", "en");
  REQUIRE(en.suggestion.has_value());
  CHECK(*en.suggestion == "password");
  CHECK(en.corrected);
  CHECK(en.total == 1);
  CHECK_FALSE(ws.Search("pasword", "de").suggestion.has_value());  // an English word only
  // Internal words are never suggested, to customers or agents.
  CHECK_FALSE(ws.Search("flumbergust", "en").suggestion.has_value());
  CHECK_FALSE(ws.Search("flumbergust", "en", /*agent=*/true).suggestion.has_value());
}

TEST_CASE("spelling: no spelling table; suggestions are the index's public words one edit away") {
  Workspace ws;
  ws.Write("en/a/cards", "title: Cards\nlang: en", "Your card is listed. A card or a cart.");
  ws.Write("en/a/more", "title: More\nlang: en", "Another card.");
  ws.Write("he/a/agent", "title: נציג\nlang: he", "איך מדברים עם נציג דרך Bluetooth");
  ws.Write("ru/a/password", "title: Пароль\nlang: ru", "Сменить пароль.");
  ws.Write("en/ops/secret", "title: Runbook\nlang: en\naudience: internal", "The flumbergast.");
  // The longest word the index takes (60 Gothic letters of 4 bytes), in an
  // internal article: its XI term fits too.
  std::string longest;
  for (int i = 0; i < 60; ++i) longest += "\xF0\x90\x8C\xB0";
  REQUIRE(longest.size() == kb::schema::kMaxTermBytes);
  ws.Write("en/ops/long", "title: Long\nlang: en\naudience: internal", longest);
  ws.Publish();
  const Xapian::Database db(kb::GenerationPath(ws.db(), *kb::ReadCurrentGeneration(ws.db())));
  CHECK(db.term_exists(kb::schema::InternalWordTerm(longest)));
  CHECK_FALSE(kb::XapianVocabulary(db, "en").KnownWord(longest));
  // Publishing writes no spelling table: it was a quarter of a full build.
  CHECK(db.spellings_begin() == db.spellings_end());
  kb::XapianVocabulary en(db, "en"), he(db, "he"), ru(db, "ru");
  CHECK(en.Suggest("carx") == "card");           // of card and cart, the one more articles have
  CHECK(en.Suggest("unlisted") == "listed");     // a prefix left out
  CHECK(en.Suggest("flumbergust").empty());      // internal words never
  CHECK(he.Suggest("נצג") == "נציג");            // a letter the typist left out
  CHECK(he.Suggest("bluetoth") == "bluetooth");  // a Latin word in the letters of its own script
  CHECK(he.Suggest("pasword").empty());          // no Hebrew article has "password"
  CHECK(ru.Suggest("пороль") == "пароль");       // Russian letters from ICU's locale data
  CHECK(en.KnownWord("cart"));
  CHECK_FALSE(en.KnownWord("flumbergast"));
}

TEST_CASE("publish: an article that changes between validation and writing publishes nothing") {
  Workspace ws;
  ws.Write("en/a/one", "title: One\nlang: en", "first version");
  ws.Publish();
  // A source whose bytes change after the first read of the article.
  class ShiftingSource : public kb::ArticleSource {
   public:
    kb::Diagnosed<std::vector<Entry>> List() override {
      Entry e;
      e.id = "en/a/one";
      e.path = "en/a/one.md";
      return {{e}, {}};
    }
    kb::Diagnosed<std::string> Read(const Entry&) override {
      return {
          std::string("---\ntitle: One\nlang: en\n---\n") + (reads_++ == 0 ? "second" : "third"),
          {}};
    }
    std::string Describe() const override { return "shifting"; }

   private:
    int reads_ = 0;
  } source;
  kb::PublishOptions options;
  options.db_dir = ws.db();
  kb::test::CheckChangedWhilePublishing(kb::Publish(source, options));
  CHECK(ws.Search("first").total == 1);
  CHECK(ws.Search("second").total == 0);
  CHECK(ws.Search("third").total == 0);
}

namespace {

// A folder source that claims a git commit, with a ChangesSince the test sets.
class HistorySource : public kb::ArticleSource {
 public:
  explicit HistorySource(const std::string& root) : inner_(kb::NewFolderSource(root)) {}
  kb::Diagnosed<std::vector<Entry>> List() override { return inner_->List(); }
  kb::Diagnosed<std::string> Read(const Entry& e) override { return inner_->Read(e); }
  std::string Describe() const override { return inner_->Describe(); }
  std::string Commit() const override { return "c0ffee"; }
  kb::Result<Changes> ChangesSince(const std::string& since) override {
    CHECK(since == "c0ffee");
    return changes;
  }
  kb::Result<Changes> changes = Changes::CannotTell();

 private:
  std::unique_ptr<kb::ArticleSource> inner_;
};

}  // namespace

TEST_CASE("publish: a source that cannot tell what changed is listed; a history error fails") {
  Workspace ws;
  ws.Write("en/a/one", "title: One\nlang: en", "first version");
  HistorySource source(ws.articles());
  kb::PublishOptions options;
  options.db_dir = ws.db();
  REQUIRE(kb::Publish(source, options).ok());  // records the commit
  ws.Write("en/a/one", "title: One\nlang: en", "second version");
  auto listed = kb::Publish(source, options);
  REQUIRE(listed.ok());
  CHECK_FALSE(listed->incremental_listing);
  CHECK(listed->updated == 1);

  source.changes = kb::Status::IOError("cannot walk the history");
  ws.Write("en/a/one", "title: One\nlang: en", "third version");
  auto failed = kb::Publish(source, options);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.status().code() == kb::StatusCode::kIOError);
  CHECK(failed.status().message() == "cannot walk the history");
  CHECK(ws.Search("second").total == 1);
  CHECK(ws.Search("third").total == 0);
}
