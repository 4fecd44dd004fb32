// The metrics kb's HTTP server keeps (kb/core/metrics.h), declared in one
// place so that their names, help texts and labels are written once:
//   kb_http_requests_total{route,status}       every answer
//   kb_http_request_duration_seconds{route}    time from routing to the answer
//   kb_http_rate_limited_total{client}         429s (client: customer|agent)
//   kb_http_connections_timed_out_total        slow connections shut down
//   kb_searches_total{lang}                    searches, by the query's language
//   kb_searches_zero_results_total{lang}       of which found nothing
//   kb_index_* gauges                           what is published (AddIndexGauges)
// Thread-safe as the registry is.
#pragma once

#include <functional>
#include <string>

#include "kb/core/metrics.h"
#include "kb/http/server.h"

namespace kb::http {

struct HttpMetrics {
  explicit HttpMetrics(Metrics& registry);
  Counter* requests;
  Histogram* latency;
  Counter* rate_limited;
};

// Counts one search answered in `lang` that found `total` articles.
void CountSearch(Metrics* registry, const std::string& lang, size_t total);

// Gauges read at scrape time: documents, generation, sequence and bytes of
// the served index; in git mode the last publish's time and outcome, and the
// connections `timed_out` reports.
void AddIndexGauges(Metrics& registry, const Services& services, std::function<double()> timed_out);

}  // namespace kb::http
