#include <stdint.h>
#include <stddef.h>
#include <openssl/sha.h>
/// SHA-256 of `len` bytes into `out` (32 bytes).
static inline void extract_sha256(const uint8_t *data, size_t len, uint8_t *out) { SHA256(data, len, out); }
