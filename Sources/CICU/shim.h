// The system ICU (Debian libicu-dev), found through pkg-config icu-uc icu-i18n.
// Only the C target ICUShim includes it; no Swift module imports it directly.
#include <unicode/utypes.h>
