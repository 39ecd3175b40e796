#ifndef ICU_SHIM_H
#define ICU_SHIM_H
// The ICU functions the pipeline uses, with stdint types and opaque handles only.
// ICU renames its functions with a version suffix (u_strFromUTF8_72) behind macros;
// the implementation is compiled against those macros, so nothing here names a version.
#include <stdint.h>

int icu_failure(int32_t err);
const char *icu_error_name(int32_t err);
// MARK: UTF conversions
int32_t icu_utf8_to_utf16(const char *src, int32_t len, uint16_t *dst, int32_t cap, int32_t *err);
/// Lone surrogates become U+FFFD.
int32_t icu_utf16_to_utf8(const uint16_t *src, int32_t len, char *dst, int32_t cap, int32_t *err);
// MARK: Normalisation
const void *icu_nfc(int32_t *err);
const void *icu_nfd(int32_t *err);
const void *icu_nfkc_casefold(int32_t *err);
int32_t icu_normalize(const void *n, const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap, int32_t *err);
int icu_has_boundary_before(const void *n, uint32_t c);
// MARK: Break iteration (1 word, 3 sentence)
void *icu_break_open(int32_t kind, const char *locale, int32_t *err);
void icu_break_set_text(void *bi, const uint16_t *text, int32_t len, int32_t *err);
int32_t icu_break_first(void *bi);
int32_t icu_break_next(void *bi);
int32_t icu_break_status(void *bi);
void icu_break_close(void *bi);
// MARK: Character properties
int icu_is_upper(uint32_t c);
int icu_is_lower(uint32_t c);
int icu_is_alpha(uint32_t c);
int32_t icu_char_type(uint32_t c);
/// The Sentence_Break class of `c` for windowed sentence breaking: 1 when a boundary may
/// follow it (ATerm, STerm, CR, LF, Sep), 2 for a letter (Upper, Lower, OLetter), 4 for
/// Numeric, else 0.
int32_t icu_sentence_class(uint32_t c);
/// The Word_Break class of `c` for windowed word breaking: 1 ALetter, 2 Numeric,
/// 3 WSegSpace, 4 LF or Newline, 5 CR, 6 MidLetter, MidNum, MidNumLet or Single_Quote,
/// 7 Other or Double_Quote, 8 Extend, Format or ZWJ; 0 for everything that needs ICU's
/// full rules (Hebrew, Katakana, ExtendNumLet, Regional_Indicator, Extended_Pictographic,
/// ideographs and the scripts ICU breaks with dictionaries).
int32_t icu_word_class(uint32_t c);
// MARK: Spoof checker
void *icu_spoof_open(int32_t *err);
int32_t icu_spoof_check(void *sc, const uint16_t *text, int32_t len, int32_t *err);
void icu_spoof_close(void *sc);
// MARK: Charset detection and conversion
void *icu_csdet_open(int32_t *err);
void icu_csdet_close(void *d);
void icu_csdet_set_text(void *d, const char *text, int32_t len, int32_t *err);
void icu_csdet_set_declared(void *d, const char *enc, int32_t *err);
/// Fills names/confidences with up to `cap` candidates, best first; returns how many.
int32_t icu_csdet_detect_all(void *d, const char **names, int32_t *confidences, const char **languages, int32_t cap, int32_t *err);
/// Converts bytes in `charset` to UTF-16; stops with an error on an illegal sequence.
int32_t icu_convert_to_utf16(const char *charset, const char *src, int32_t len, uint16_t *dst, int32_t cap, int32_t *err);
/// Converts UTF-16 to bytes in `charset`; stops with an error on an unmappable character.
int32_t icu_convert_from_utf16(const char *charset, const uint16_t *src, int32_t len, char *dst, int32_t cap, int32_t *err);
// MARK: Transliteration
void *icu_translit_open(const uint16_t *id, int32_t len, int32_t *err);
int32_t icu_translit(void *t, uint16_t *text, int32_t len, int32_t cap, int32_t *err);
void icu_translit_close(void *t);
// MARK: CLDR data
/// kind: 0 format wide months, 1 format abbreviated months, 2 standalone wide months,
/// 3 standalone abbreviated months, 4 format wide weekdays, 5 format abbreviated weekdays,
/// 6 standalone wide weekdays, 7 standalone abbreviated weekdays.
int32_t icu_date_symbol(const char *locale, int32_t kind, int32_t index, uint16_t *dst, int32_t cap, int32_t *err);
/// The ISO 3166 codes ICU knows, as a NULL-terminated array.
const char *const *icu_iso_countries(void);
/// The ISO 4217 codes of the current currencies ICU knows, 4 bytes each (3 letters and NUL),
/// at most `cap` of them; returns how many.
int32_t icu_currency_codes(char *dst, int32_t cap);
int32_t icu_display_country(const char *region, const char *displayLocale, uint16_t *dst, int32_t cap, int32_t *err);

#endif
