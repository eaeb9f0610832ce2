/* plx-core.h: the GTK-free model shared by the app, the CLI and the tests.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-agreement.h"
#include "plx-anchor.h"
#include "plx-annotation.h"
#include "plx-annotation-list.h"
#include "plx-document.h"
#include "plx-error.h"
#include "plx-exporter.h"
#include "plx-importer.h"
#include "plx-format.h"
#include "plx-history.h"
#include "plx-merge.h"
#include "plx-perspective.h"
#include "plx-perspective-passages.h"
#include "plx-project.h"
#include "plx-salvage.h"
#include "plx-statistics.h"
#include "plx-store.h"
#include "plx-text.h"
#include "plx-bootstrap.h"
#include "plx-divergence.h"
