#include "kb/core/edit_distance.h"

#include <algorithm>
#include <vector>

namespace kb {

size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t limit) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows: two back (for transpositions), one back, this one.
  std::vector<size_t> two(m + 1), one(m + 1), row(m + 1);
  for (size_t j = 0; j <= m; ++j) one[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    row[0] = i;
    size_t best = row[0];
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({one[j] + 1, row[j - 1] + 1, one[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], two[j - 2] + 1);
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    std::swap(two, one);
    std::swap(one, row);
  }
  return std::min(one[m], limit + 1);
}

}  // namespace kb
