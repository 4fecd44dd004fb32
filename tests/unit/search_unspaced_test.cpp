// Searching text written without spaces (Chinese, Japanese, Korean, Thai)
// through a real index: words inside sentences are found, snippets mark
// whole words, character pairs are never "corrected" (Thai words are), and
// lang=auto names the language.
#include <doctest/doctest.h>
#include <xapian.h>

#include <set>
#include <string>

#include "index/db_dir.h"
#include "index/spelling.h"
#include "test_support.h"

namespace {

using kb::test::Workspace;

void WriteArticles(Workspace& ws) {
  ws.Write("zh/account/reset", "title: 重置密码\nlang: zh",
           "如果您忘记了密码，请在登录页面点击“忘记密码”。您将收到一封包含重置链接的电子邮件。");
  ws.Write("zh/billing/card", "title: 银行卡付款\nlang: zh", "我们接受银行卡和支付宝付款。");
  ws.Write("ja/account/reset", "title: パスワードの再設定\nlang: ja",
           "パスワードを忘れた場合は、ログインページのリンクをクリックしてください。");
  ws.Write("ko/account/reset", "title: 비밀번호 재설정\nlang: ko",
           "비밀번호를 잊으셨다면 재설정 링크가 포함된 이메일을 받게 됩니다.");
  ws.Write("th/account/reset", "title: รีเซ็ตรหัสผ่าน\nlang: th",
           "หากคุณลืมรหัสผ่าน ให้คลิกที่ลืมรหัสผ่านในหน้าเข้าสู่ระบบ");
  ws.Write("en/account/reset", "title: Reset your password\nlang: en", "Click Forgot password.");
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE(
    "search: words inside Chinese, Japanese, Korean and Thai sentences are found and marked") {
  Workspace ws;
  WriteArticles(ws);
  ws.Publish();
  struct Case {
    const char* query;
    const char* lang;
    const char* want_id;
    const char* want_mark;
  };
  const Case cases[] = {
      {"密码", "zh", "zh/account/reset", "<mark>密码</mark>"},
      {"忘记密码", "zh", "zh/account/reset", "<mark>忘记密码</mark>"},
      {"卡", "zh", "zh/billing/card", "<mark>"},  // one character: found through the pairs
      {"パスワード", "ja", "ja/account/reset", "<mark>パスワード</mark>を忘れた"},
      {"ﾊﾟｽﾜｰﾄﾞ", "ja", "ja/account/reset", "<mark>パスワード</mark>"},  // half-width
      {"リンク", "ja", "ja/account/reset", "<mark>リンク</mark>"},
      {"이메일", "ko", "ko/account/reset", "<mark>이메일</mark>을"},  // particle attached
      {"비밀번호", "ko", "ko/account/reset", "<mark>비밀번호</mark>를"},
      {"รหัสผ่าน", "th", "th/account/reset", "<mark>รหัสผ่าน</mark>"},
      {"ลืม", "th", "th/account/reset", "<mark>ลืม</mark>"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.query);
    const auto r = ws.Search(c.query, c.lang);
    REQUIRE(r.total >= 1);
    CHECK(r.hits[0].id == c.want_id);
    CAPTURE(r.hits[0].snippet);
    CHECK(Has(r.hits[0].snippet, c.want_mark));
    CHECK_FALSE(r.suggestion.has_value());
  }
  // A pair the articles lack finds nothing rather than a "correction".
  const auto none = ws.Search("猫狗", "zh");
  CHECK(none.total == 0);
  CHECK_FALSE(none.suggestion.has_value());
  // A quoted phrase needs the characters in order.
  CHECK(ws.Search("\"忘记密码\"", "zh").total == 1);
  CHECK(ws.Search("\"密码忘记\"", "zh").total == 0);
}

TEST_CASE("search: Traditional and Simplified Chinese find each other, marked as written") {
  Workspace ws;
  ws.Write("zh/account/reset", "title: 重置密码\nlang: zh", "如果您忘记了密码，请点击“忘记密码”。");
  ws.Write("zh-TW/account/email", "title: 電子郵件設定\nlang: zh-TW",
           "請在帳號設定中更改電子郵件地址。");
  ws.Publish();
  const auto simplified = ws.Search("密碼", "zh");  // typed in Traditional
  REQUIRE(simplified.total == 1);
  CHECK(simplified.hits[0].id == "zh/account/reset");
  const auto traditional = ws.Search("电子邮件地址", "auto");  // typed in Simplified
  REQUIRE(traditional.total >= 1);
  CHECK(traditional.hits[0].id == "zh-TW/account/email");
  CAPTURE(traditional.hits[0].snippet);
  CHECK(traditional.hits[0].snippet.find("<mark>電子郵件地址</mark>") != std::string::npos);
}

TEST_CASE("search: a Chinese snippet shows about as many words as an English one") {
  Workspace ws;
  // 100 characters without a word repeated near the start.
  const std::string text =
      "退款通常在五个工作日内到账。如果超过十个工作日仍未收到退款，请联系您的发卡银行核实交易记录，"
      "或者在订单页面提交申请，我们的客服人员会在二十四小时内回复您并协助处理相关问题，感谢您的耐心"
      "等待与支持。";
  ws.Write("zh/billing/refund", "title: 退款\nlang: zh", text);
  ws.Publish();
  const auto r = ws.Search("工作日", "zh");
  REQUIRE(r.total == 1);
  std::string plain = r.hits[0].snippet;
  for (const char* tag : {"<mark>", "</mark>"})
    for (size_t at; (at = plain.find(tag)) != std::string::npos;)
      plain.erase(at, std::string(tag).size());
  CAPTURE(plain);
  // 28 words of about two characters each, not 28 characters.
  CHECK(plain.size() >= 45 * 3);  // bytes: three per character
}

TEST_CASE("search: lang=auto names Chinese, Japanese, Korean and Thai queries") {
  Workspace ws;
  WriteArticles(ws);
  ws.Publish();
  struct Case {
    const char* query;
    const char* want_lang;
  };
  for (const Case& c : {Case{"忘记密码", "zh"}, Case{"パスワード", "ja"}, Case{"비밀번호", "ko"},
                        Case{"รหัสผ่าน", "th"}, Case{"password", "en"}}) {
    CAPTURE(c.query);
    const auto r = ws.Search(c.query, "auto");
    CHECK(r.lang == c.want_lang);
    CHECK(r.lang_detected);
    CHECK_FALSE(r.fallback);
    REQUIRE(r.total >= 1);
    CHECK(r.hits[0].id.substr(0, 3) == std::string(c.want_lang) + "/");
  }
}

TEST_CASE("search: kanji alone is Japanese when the index has Japanese and no Chinese") {
  Workspace ws;
  ws.Write("ja/account/reset", "title: パスワードの再設定\nlang: ja",
           "再設定用のリンクが届きます。");
  ws.Write("uk/account/reset", "title: Відновлення пароля\nlang: uk",
           "Якщо ви забули пароль, натисніть посилання.");
  ws.Publish();
  const auto ja = ws.Search("再設定", "auto");
  CHECK(ja.lang == "ja");
  CHECK_FALSE(ja.fallback);
  REQUIRE(ja.total == 1);
  CHECK(ja.hits[0].id == "ja/account/reset");
  // Cyrillic without Ukrainian-only letters reads as Russian; this index has Ukrainian only.
  const auto uk = ws.Search("забули пароль", "auto");
  CHECK(uk.lang == "uk");
  CHECK_FALSE(uk.fallback);
  REQUIRE(uk.total == 1);
}

TEST_CASE("spelling: character pairs are no known words; Thai words are") {
  Workspace ws;
  WriteArticles(ws);
  ws.Publish();
  const Xapian::Database db(kb::GenerationPath(ws.db(), *kb::ReadCurrentGeneration(ws.db())));
  kb::XapianVocabulary vocabulary(db, "");
  CHECK(vocabulary.KnownWord("password"));
  CHECK(vocabulary.KnownWord("รหัส"));
  for (const char* pair : {"密码", "忘记", "パス", "비밀", "卡"}) {
    CAPTURE(pair);
    CHECK(db.term_exists(pair));  // searched as pairs
    CHECK_FALSE(vocabulary.KnownWord(pair));
  }
  // A Thai word typed without its tone mark is corrected like any other word.
  const auto typo = ws.Search("รหัสผาน", "th");
  REQUIRE(typo.suggestion.has_value());
  CHECK(*typo.suggestion == "รหัสผ่าน");
  REQUIRE(typo.total >= 1);
  CHECK(typo.hits[0].id == "th/account/reset");
}
