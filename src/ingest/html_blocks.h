// Walks a gumbo tree once (explicit stack, no recursion: pages can nest
// thousands deep) into a Page of elements and text blocks, dropping scripts,
// styles, navigation, hidden elements and comments, and feeding every element
// to the metadata collector. Internal to ingest.
#pragma once

#include <gumbo.h>

#include "ingest/html_metadata.h"
#include "ingest/html_page.h"

namespace crosscheck::html {

void BuildPage(const GumboNode& root, MetadataCollector* metadata, Page* page);

}  // namespace crosscheck::html
