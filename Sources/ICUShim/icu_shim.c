// ICU calls behind a header that uses only stdint types, so that no Swift module
// sees ICU's own types (Foundation carries a private ICU whose types would clash).
#include "icu_shim.h"
#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/ubrk.h>
#include <unicode/uspoof.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/utrans.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/uscript.h>

int icu_failure(int32_t err) { return U_FAILURE((UErrorCode)err); }
const char *icu_error_name(int32_t err) { return u_errorName((UErrorCode)err); }

// MARK: UTF conversions
int32_t icu_utf8_to_utf16(const char *src, int32_t len, uint16_t *dst, int32_t cap, int32_t *err) {
    int32_t out = 0;
    u_strFromUTF8((UChar *)dst, cap, &out, src, len, (UErrorCode *)err);
    return out;
}
int32_t icu_utf16_to_utf8(const uint16_t *src, int32_t len, char *dst, int32_t cap, int32_t *err) {
    int32_t out = 0;
    u_strToUTF8WithSub(dst, cap, &out, (const UChar *)src, len, 0xFFFD, NULL, (UErrorCode *)err);
    return out;
}

// MARK: Normalisation
const void *icu_nfc(int32_t *err) { return unorm2_getNFCInstance((UErrorCode *)err); }
const void *icu_nfd(int32_t *err) { return unorm2_getNFDInstance((UErrorCode *)err); }
const void *icu_nfkc_casefold(int32_t *err) { return unorm2_getNFKCCasefoldInstance((UErrorCode *)err); }
int32_t icu_normalize(const void *n, const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap, int32_t *err) {
    return unorm2_normalize((const UNormalizer2 *)n, (const UChar *)src, len, (UChar *)dst, cap, (UErrorCode *)err);
}
int icu_has_boundary_before(const void *n, uint32_t c) {
    return unorm2_hasBoundaryBefore((const UNormalizer2 *)n, (UChar32)c);
}

// MARK: Break iteration (1 word, 3 sentence)
void *icu_break_open(int32_t kind, const char *locale, int32_t *err) {
    return ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, (UErrorCode *)err);
}
void icu_break_set_text(void *bi, const uint16_t *text, int32_t len, int32_t *err) {
    ubrk_setText((UBreakIterator *)bi, (const UChar *)text, len, (UErrorCode *)err);
}
int32_t icu_break_first(void *bi) { return ubrk_first((UBreakIterator *)bi); }
int32_t icu_break_next(void *bi) { return ubrk_next((UBreakIterator *)bi); }
int32_t icu_break_status(void *bi) { return ubrk_getRuleStatus((UBreakIterator *)bi); }
void icu_break_close(void *bi) { ubrk_close((UBreakIterator *)bi); }

// MARK: Character properties
int icu_is_upper(uint32_t c) { return u_isupper((UChar32)c); }
int icu_is_lower(uint32_t c) { return u_islower((UChar32)c); }
int icu_is_alpha(uint32_t c) { return u_isalpha((UChar32)c); }
int32_t icu_char_type(uint32_t c) { return (int32_t)u_charType((UChar32)c); }
int32_t icu_sentence_class(uint32_t c) {
    switch (u_getIntPropertyValue((UChar32)c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_ATERM: case U_SB_STERM: case U_SB_CR: case U_SB_LF: case U_SB_SEP: return 1;
    case U_SB_UPPER: case U_SB_LOWER: case U_SB_OLETTER: return 2;
    case U_SB_NUMERIC: return 4;
    default: return 0;
    }
}

int32_t icu_word_class(uint32_t c) {
    UChar32 ch = (UChar32)c;
    if (u_hasBinaryProperty(ch, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(ch, UCHAR_IDEOGRAPHIC)) return 0;
    if (u_getIntPropertyValue(ch, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) return 0;
    switch (u_getIntPropertyValue(ch, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER: return 1;
    case U_WB_NUMERIC: return 2;
    case U_WB_WSEGSPACE: return 3;
    case U_WB_LF: case U_WB_NEWLINE: return 4;
    case U_WB_CR: return 5;
    case U_WB_MIDLETTER: case U_WB_MIDNUM: case U_WB_MIDNUMLET: case U_WB_SINGLE_QUOTE: return 6;
    case U_WB_OTHER: case U_WB_DOUBLE_QUOTE: return 7;
    case U_WB_EXTEND: case U_WB_FORMAT: case U_WB_ZWJ: return 8;
    default: return 0;
    }
}

// MARK: Spoof checker
void *icu_spoof_open(int32_t *err) {
    USpoofChecker *sc = uspoof_open((UErrorCode *)err);
    if (U_SUCCESS((UErrorCode)*err)) uspoof_setChecks(sc, USPOOF_MIXED_SCRIPT_CONFUSABLE | USPOOF_RESTRICTION_LEVEL, (UErrorCode *)err);
    if (U_SUCCESS((UErrorCode)*err)) uspoof_setRestrictionLevel(sc, USPOOF_SINGLE_SCRIPT_RESTRICTIVE);
    return sc;
}
int32_t icu_spoof_check(void *sc, const uint16_t *text, int32_t len, int32_t *err) {
    return uspoof_check((const USpoofChecker *)sc, (const UChar *)text, len, NULL, (UErrorCode *)err);
}
void icu_spoof_close(void *sc) { uspoof_close((USpoofChecker *)sc); }

// MARK: Charset detection and conversion
void *icu_csdet_open(int32_t *err) { return ucsdet_open((UErrorCode *)err); }
void icu_csdet_close(void *d) { ucsdet_close((UCharsetDetector *)d); }
void icu_csdet_set_text(void *d, const char *text, int32_t len, int32_t *err) { ucsdet_setText((UCharsetDetector *)d, text, len, (UErrorCode *)err); }
void icu_csdet_set_declared(void *d, const char *enc, int32_t *err) { ucsdet_setDeclaredEncoding((UCharsetDetector *)d, enc, -1, (UErrorCode *)err); }
/// Fills names/confidences with up to `cap` candidates, best first; returns how many.
int32_t icu_csdet_detect_all(void *d, const char **names, int32_t *confidences, const char **languages, int32_t cap, int32_t *err) {
    int32_t found = 0;
    const UCharsetMatch **m = ucsdet_detectAll((UCharsetDetector *)d, &found, (UErrorCode *)err);
    if (U_FAILURE((UErrorCode)*err) || m == NULL) return 0;
    int32_t n = found < cap ? found : cap;
    for (int32_t i = 0; i < n; i++) {
        names[i] = ucsdet_getName(m[i], (UErrorCode *)err);
        confidences[i] = ucsdet_getConfidence(m[i], (UErrorCode *)err);
        languages[i] = ucsdet_getLanguage(m[i], (UErrorCode *)err);
    }
    return n;
}
/// Converts bytes in `charset` to UTF-16; stops with an error on an illegal sequence.
int32_t icu_convert_to_utf16(const char *charset, const char *src, int32_t len, uint16_t *dst, int32_t cap, int32_t *err) {
    UConverter *c = ucnv_open(charset, (UErrorCode *)err);
    if (U_FAILURE((UErrorCode)*err)) return 0;
    ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, (UErrorCode *)err);
    int32_t n = ucnv_toUChars(c, (UChar *)dst, cap, src, len, (UErrorCode *)err);
    ucnv_close(c);
    return n;
}
/// Converts UTF-16 to bytes in `charset`; stops with an error on an unmappable character.
int32_t icu_convert_from_utf16(const char *charset, const uint16_t *src, int32_t len, char *dst, int32_t cap, int32_t *err) {
    UConverter *c = ucnv_open(charset, (UErrorCode *)err);
    if (U_FAILURE((UErrorCode)*err)) return 0;
    ucnv_setFromUCallBack(c, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, (UErrorCode *)err);
    int32_t n = ucnv_fromUChars(c, dst, cap, (const UChar *)src, len, (UErrorCode *)err);
    ucnv_close(c);
    return n;
}

// MARK: Transliteration
void *icu_translit_open(const uint16_t *id, int32_t len, int32_t *err) {
    return utrans_openU((const UChar *)id, len, UTRANS_FORWARD, NULL, 0, NULL, (UErrorCode *)err);
}
int32_t icu_translit(void *t, uint16_t *text, int32_t len, int32_t cap, int32_t *err) {
    int32_t limit = len;
    int32_t textLength = len;
    utrans_transUChars((const UTransliterator *)t, (UChar *)text, &textLength, cap, 0, &limit, (UErrorCode *)err);
    return textLength;
}
void icu_translit_close(void *t) { utrans_close((UTransliterator *)t); }

// MARK: CLDR data
/// kind: 0 format wide months, 1 format abbreviated months, 2 standalone wide months,
/// 3 standalone abbreviated months, 4 format wide weekdays, 5 format abbreviated weekdays,
/// 6 standalone wide weekdays, 7 standalone abbreviated weekdays.
int32_t icu_date_symbol(const char *locale, int32_t kind, int32_t index, uint16_t *dst, int32_t cap, int32_t *err) {
    static const UDateFormatSymbolType types[] = {
        UDAT_MONTHS, UDAT_SHORT_MONTHS, UDAT_STANDALONE_MONTHS, UDAT_STANDALONE_SHORT_MONTHS,
        UDAT_WEEKDAYS, UDAT_SHORT_WEEKDAYS, UDAT_STANDALONE_WEEKDAYS, UDAT_STANDALONE_SHORT_WEEKDAYS };
    UDateFormat *f = udat_open(UDAT_NONE, UDAT_LONG, locale, NULL, 0, NULL, 0, (UErrorCode *)err);
    if (U_FAILURE((UErrorCode)*err)) return 0;
    int32_t n = udat_getSymbols(f, types[kind], index, (UChar *)dst, cap, (UErrorCode *)err);
    udat_close(f);
    return n;
}
/// The ISO 3166 codes ICU knows, as a NULL-terminated array.
const char *const *icu_iso_countries(void) { return uloc_getISOCountries(); }
int32_t icu_currency_codes(char *dst, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    UEnumeration *e = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &err);
    if (U_FAILURE(err)) return 0;
    int32_t n = 0, len = 0;
    const char *code;
    while (n < cap && (code = uenum_next(e, &len, &err)) != NULL && U_SUCCESS(err)) {
        if (len != 3) continue;
        for (int32_t i = 0; i < 3; i++) dst[4 * n + i] = code[i];
        dst[4 * n + 3] = 0;
        n++;
    }
    uenum_close(e);
    return n;
}
int32_t icu_display_country(const char *region, const char *displayLocale, uint16_t *dst, int32_t cap, int32_t *err) {
    char tag[16] = "und_";
    int32_t i = 0;
    while (region[i] && i < 8) { tag[4 + i] = region[i]; i++; }
    tag[4 + i] = 0;
    return uloc_getDisplayCountry(tag, displayLocale, (UChar *)dst, cap, (UErrorCode *)err);
}
