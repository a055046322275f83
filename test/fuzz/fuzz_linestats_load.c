/* fuzz_linestats_load.c -- scrub_linestats_load on arbitrary file contents.
 *
 * Properties: a file is either rejected with SCRUB_E_FORMAT (or _NOMEM) and
 * no object, or loaded into an object that holds at most max_entries hashes;
 * a loaded object saved again loads again with the same entries and pages.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scrub.h"

static void write_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f) __builtin_trap();
    if (size && fwrite(data, 1, size, f) != size) __builtin_trap();
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64], again[64];
    snprintf(path, sizeof path, "/tmp/scrub-fuzz-ls-%d", (int)getpid());
    snprintf(again, sizeof again, "/tmp/scrub-fuzz-ls2-%d", (int)getpid());
    write_file(path, data, size);

    size_t max_entries = 16 + (size ? data[0] : 0);
    scrub_linestats *st = NULL;
    int rc = scrub_linestats_load(path, max_entries, &st);
    if (rc != SCRUB_OK) {
        if (st) __builtin_trap();
        if (rc != SCRUB_E_FORMAT && rc != SCRUB_E_NOMEM) __builtin_trap();
        remove(path);
        return 0;
    }
    if (!st || scrub_linestats_entries(st) > max_entries) __builtin_trap();
    if (scrub_linestats_save(st, again) != SCRUB_OK) __builtin_trap();
    scrub_linestats *st2 = NULL;
    if (scrub_linestats_load(again, max_entries, &st2) != SCRUB_OK) __builtin_trap();
    if (scrub_linestats_entries(st2) != scrub_linestats_entries(st)) __builtin_trap();
    if (scrub_linestats_pages(st2) != scrub_linestats_pages(st)) __builtin_trap();
    scrub_linestats_free(st2);
    scrub_linestats_free(st);
    remove(path);
    remove(again);
    return 0;
}
