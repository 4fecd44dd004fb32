// Charts as inline SVG, drawn by kb for the agents' insights pages (no chart
// library, no script): a bar chart of labelled values and a time series of
// one or more lines. The SVG has role="img", a <title> and a <desc> that
// states the figures, so a screen reader gets the data; every label is
// escaped by kb's one escaper. Colours come from the page's CSS
// (class="series-N", currentColor) so a theme restyles them. Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace kb::portal {

struct ChartSize {
  int width = 640;
  int height = 240;
};

struct BarItem {
  std::string label;  // e.g. a query or an article title (escaped when drawn)
  double value = 0;
};

// Horizontal bars, one per item in the given order, scaled to the largest
// value (all-zero or negative values draw empty bars).
std::string BarChartSvg(const std::string& title, const std::vector<BarItem>& items,
                        const ChartSize& size = {});

struct Series {
  std::string name;            // the legend's text
  std::vector<double> values;  // one per point of the x axis
};

// Lines over `x_labels` (e.g. days), y from 0 to the largest value; series
// longer or shorter than x_labels are cut or end early.
std::string TimeSeriesSvg(const std::string& title, const std::vector<std::string>& x_labels,
                          const std::vector<Series>& series, const ChartSize& size = {});

}  // namespace kb::portal
