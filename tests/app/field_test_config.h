#pragma once
// A field-lab model small enough for tests that drive the worker thread.
#include "field_types.h"

inline aelab::FieldConfig tinyFieldConfig() {
    aelab::FieldConfig c;
    c.data.count = 200;
    c.width = 16;
    c.gridSize = 16;
    c.batchSize = 32;
    return c;
}
