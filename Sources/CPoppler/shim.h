// poppler-glib, GLib/GObject and cairo (image, PDF and SVG surfaces) for Swift.
// Licensed GPL-3.0-or-later.
#ifndef KOMMUNRAPPORT_CPOPPLER_SHIM_H
#define KOMMUNRAPPORT_CPOPPLER_SHIM_H

#include <glib.h>
#include <glib-object.h>
#include <poppler.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

// GLib's type-check macros do not reach Swift; these small functions stand in for the few used.

/// The error domain poppler reports document errors in (POPPLER_ERROR is a macro).
static inline GQuark kr_poppler_error_domain(void) { return poppler_error_quark(); }

/// Releases a GObject (document, page); NULL is ignored.
static inline void kr_object_unref(void *object) { if (object) g_object_unref(object); }

#endif
