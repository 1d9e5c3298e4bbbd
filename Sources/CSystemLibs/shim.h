// Only carries the pkg-config flags of libxml2, ICU, zlib and poppler to CSolieuShim.
// Nothing here is imported into Swift code directly.
#include <stddef.h>
