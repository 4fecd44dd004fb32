// The portal's non-HTML files: sitemap.xml, robots.txt, opensearch.xml.
// Internal to the portal part; thread-safe.
#pragma once

#include "page_frame.h"

namespace kb::portal {

Page SitemapFile(const PortalState& state);
Page RobotsFile(const PortalState& state);
Page OpenSearchFile(const PortalState& state, const PageRequest& request);

}  // namespace kb::portal
