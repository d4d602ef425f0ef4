/*
 * icuuc.dll for running the Windows build under Wine ONLY: never shipped, never installed.
 *
 * Qt6Core.dll (6.11) imports twenty ucnv_* functions from icuuc.dll, the ICU that Windows 10
 * 1703+ carries in System32. Wine 8.0 has no icuuc.dll, so without this file Qt6Core.dll does
 * not load and the window cannot start. Qt uses these functions only for text codecs beyond
 * its built-in UTF/Latin-1 ones (QStringConverter by name); the app decodes files in Python and
 * never asks Qt for such a codec. So every converter here is "not available" and Qt reports
 * that as it would for an unknown encoding: nothing is converted wrongly, nothing crashes.
 *
 * Built by packaging/windows/check_on_linux.sh with Debian's mingw-w64:
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o icuuc.dll icuuc_stub.c icuuc_stub.def
 */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
typedef uint16_t UChar;
typedef int8_t UBool;
#define U_FILE_ACCESS_ERROR 4 /* what ICU says when a converter's data is not there */

static int failed(UErrorCode *err) {
    if (err == NULL || *err > 0) return 1;
    *err = U_FILE_ACCESS_ERROR;
    return 1;
}

void *ucnv_open(const char *name, UErrorCode *err) { (void)name; failed(err); return NULL; }
void ucnv_close(void *cnv) { (void)cnv; }
void ucnv_reset(void *cnv) { (void)cnv; }
int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 4; }
const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; failed(err); return ""; }
void ucnv_getToUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
void ucnv_setToUCallBack(void *cnv, void *a, const void *c, void **oa, const void **oc, UErrorCode *err) {
    (void)cnv; (void)a; (void)c; if (oa) *oa = NULL; if (oc) *oc = NULL; failed(err); }
void ucnv_setFromUCallBack(void *cnv, void *a, const void *c, void **oa, const void **oc, UErrorCode *err) {
    (void)cnv; (void)a; (void)c; if (oa) *oa = NULL; if (oc) *oc = NULL; failed(err); }
void ucnv_cbToUWriteUChars(void *args, const UChar *s, int32_t len, int32_t off, UErrorCode *err) {
    (void)args; (void)s; (void)len; (void)off; failed(err); }
void ucnv_cbFromUWriteUChars(void *args, const UChar **s, const UChar *lim, int32_t off, UErrorCode *err) {
    (void)args; (void)s; (void)lim; (void)off; failed(err); }
void ucnv_toUnicode(void *cnv, UChar **t, const UChar *tl, const char **s, const char *sl,
                    int32_t *o, UBool flush, UErrorCode *err) {
    (void)cnv; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)flush; failed(err); }
void ucnv_fromUnicode(void *cnv, char **t, const char *tl, const UChar **s, const UChar *sl,
                      int32_t *o, UBool flush, UErrorCode *err) {
    (void)cnv; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)flush; failed(err); }
int32_t ucnv_toUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; failed(err); return 0; }
int32_t ucnv_fromUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; failed(err); return 0; }
const char *ucnv_getStandardName(const char *n, const char *std, UErrorCode *err) {
    (void)n; (void)std; failed(err); return NULL; }
const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
int32_t ucnv_countAvailable(void) { return 0; }
/* The callbacks are only ever passed back to ICU as function pointers. */
void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const UChar *u, int32_t l, int32_t cp,
                                     int r, UErrorCode *err) {
    (void)c; (void)a; (void)u; (void)l; (void)cp; (void)r; (void)err; }
void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const char *b, int32_t l, int r,
                                   UErrorCode *err) {
    (void)c; (void)a; (void)b; (void)l; (void)r; (void)err; }
