#include "svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kb/core/html.h"

namespace kb::portal {
namespace {

constexpr int kMargin = 8;
constexpr int kLabelWidth = 180;  // bar charts: room for the labels
constexpr int kAxisHeight = 20;   // time series: room for the x labels

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  std::string out = text;
  if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
  return out;
}

std::string Open(const std::string& title, const std::string& description, const ChartSize& size,
                 const std::string& kind) {
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart " + kind +
                    "\" role=\"img\" viewBox=\"0 0 " + std::to_string(size.width) + " " +
                    std::to_string(size.height) + "\" width=\"" + std::to_string(size.width) +
                    "\" height=\"" + std::to_string(size.height) + "\"><title>";
  AppendEscapedHtml(title, &svg);
  svg += "</title><desc>";
  AppendEscapedHtml(description, &svg);
  svg += "</desc>";
  return svg;
}

double Largest(double start, double value) {
  return std::isfinite(value) ? std::max(start, value) : start;
}

}  // namespace

std::string BarChartSvg(const std::string& title, const std::vector<BarItem>& items,
                        const ChartSize& size) {
  double top = 0;
  std::string description;
  for (const BarItem& item : items) {
    top = Largest(top, item.value);
    description += (description.empty() ? "" : "; ") + item.label + ": " + Number(item.value);
  }
  std::string svg = Open(title, description, size, "bar-chart");
  if (items.empty()) return svg + "</svg>";
  const double row = static_cast<double>(size.height - 2 * kMargin) / items.size();
  const double room = size.width - kLabelWidth - 2 * kMargin - 40;  // 40: the value's text
  for (size_t i = 0; i < items.size(); ++i) {
    const double value = std::isfinite(items[i].value) ? std::max(0.0, items[i].value) : 0;
    const double width = top > 0 ? room * value / top : 0;
    const double y = kMargin + row * i;
    svg += "<g><text x=\"" + std::to_string(kMargin) + "\" y=\"" + Number(y + row * 0.65) +
           "\" class=\"label\">";
    AppendEscapedHtml(items[i].label, &svg);
    svg += "</text><rect class=\"series-0\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" +
           Number(y + row * 0.15) + "\" width=\"" + Number(width) + "\" height=\"" +
           Number(row * 0.7) + "\"/><text x=\"" + Number(kLabelWidth + width + 4) + "\" y=\"" +
           Number(y + row * 0.65) + "\" class=\"value\">" + Number(items[i].value) + "</text></g>";
  }
  return svg + "</svg>";
}

std::string TimeSeriesSvg(const std::string& title, const std::vector<std::string>& x_labels,
                          const std::vector<Series>& series, const ChartSize& size) {
  double top = 0;
  std::string description;
  for (const Series& s : series) {
    description += (description.empty() ? "" : "; ") + s.name + ":";
    for (size_t i = 0; i < s.values.size() && i < x_labels.size(); ++i) {
      top = Largest(top, s.values[i]);
      description += " " + x_labels[i] + " " + Number(s.values[i]);
    }
  }
  std::string svg = Open(title, description, size, "time-series");
  const double left = kMargin + 32, right = size.width - kMargin;
  const double bottom = size.height - kMargin - kAxisHeight, upper = kMargin;
  svg += "<line class=\"axis\" x1=\"" + Number(left) + "\" y1=\"" + Number(bottom) + "\" x2=\"" +
         Number(right) + "\" y2=\"" + Number(bottom) + "\"/><text class=\"value\" x=\"" +
         std::to_string(kMargin) + "\" y=\"" + Number(upper + 10) + "\">" + Number(top) + "</text>";
  const size_t points = x_labels.size();
  auto x_at = [&](size_t i) {
    return points <= 1 ? left : left + (right - left) * static_cast<double>(i) / (points - 1);
  };
  for (size_t i = 0; i < points; ++i) {
    if (points > 8 && i % ((points + 7) / 8) != 0) continue;  // at most ~8 labels
    svg += "<text class=\"label\" text-anchor=\"middle\" x=\"" + Number(x_at(i)) + "\" y=\"" +
           Number(size.height - kMargin) + "\">";
    AppendEscapedHtml(x_labels[i], &svg);
    svg += "</text>";
  }
  for (size_t n = 0; n < series.size(); ++n) {
    std::string line;
    for (size_t i = 0; i < series[n].values.size() && i < points; ++i) {
      const double v = std::isfinite(series[n].values[i]) ? std::max(0.0, series[n].values[i]) : 0;
      const double y = top > 0 ? bottom - (bottom - upper) * v / top : bottom;
      line += (line.empty() ? "" : " ") + Number(x_at(i)) + "," + Number(y);
    }
    svg += "<polyline class=\"series-" + std::to_string(n) + "\" fill=\"none\" points=\"" + line +
           "\"><title>";
    AppendEscapedHtml(series[n].name, &svg);
    svg += "</title></polyline>";
  }
  return svg + "</svg>";
}

}  // namespace kb::portal
