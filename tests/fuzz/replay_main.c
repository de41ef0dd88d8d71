/* Replays the fuzz targets' seed corpora (and any crash reproducers kept under
 * tests/fuzz/regressions/<target>/) through the targets' own code, built without libFuzzer:
 * "make check" runs every seed under gcc, clang, the sanitizers and valgrind, so whatever a
 * fuzz run once found stays fixed.
 *   replay_corpus [DIR...]   default: $SSPIBRIDGE_SRCDIR/tests/fuzz/{corpus,regressions} */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DECLARE(t)                                                    \
    int replay_##t##_initialize(int *argc, char ***argv);             \
    int replay_##t##_one(const uint8_t *data, size_t size);
DECLARE(accept)
DECLARE(init_reply)
DECLARE(decrypt)
DECLARE(verify)
DECLARE(descriptor)

typedef struct target {
    const char *name;
    int (*init)(int *argc, char ***argv);
    int (*one)(const uint8_t *data, size_t size);
} target;

#define TARGET(t) {"fuzz_" #t, replay_##t##_initialize, replay_##t##_one}
static const target targets[] = {TARGET(accept), TARGET(init_reply), TARGET(decrypt), TARGET(verify),
                                 TARGET(descriptor)};

/* Runs every regular file in dir through t; returns how many, -1 if dir is unreadable. */
static long replay_dir(const target *t, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    long n = 0;
    if (d == NULL)
        return -1;
    while ((e = readdir(d)) != NULL) {
        char path[8192];
        struct stat st;
        if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >= sizeof(path))
            continue;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        FILE *f = fopen(path, "rb");
        uint8_t *buf = malloc((size_t)st.st_size + 1);
        if (f == NULL || buf == NULL || fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
            fprintf(stderr, "replay: cannot read %s\n", path);
            exit(1);
        }
        fclose(f);
        t->one(buf, (size_t)st.st_size);
        free(buf);
        n++;
    }
    closedir(d);
    return n;
}

int main(int argc, char **argv)
{
    char defaults[2][4096];
    const char *src = getenv("SSPIBRIDGE_SRCDIR");
    const char **roots = (const char **)argv + 1;
    int nroots = argc - 1;
    const char *def[2];
    long total = 0;

    if (nroots == 0) {
        snprintf(defaults[0], sizeof(defaults[0]), "%s/tests/fuzz/corpus", src ? src : ".");
        snprintf(defaults[1], sizeof(defaults[1]), "%s/tests/fuzz/regressions", src ? src : ".");
        def[0] = defaults[0];
        def[1] = defaults[1];
        roots = def;
        nroots = 2;
    }
    for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++) {
        long n = 0;
        targets[i].init(&argc, &argv);
        for (int r = 0; r < nroots; r++) {
            char dir[4096];
            snprintf(dir, sizeof(dir), "%s/%s", roots[r], targets[i].name);
            long k = replay_dir(&targets[i], dir);
            if (k > 0)
                n += k;
        }
        printf("%s: %ld inputs replayed\n", targets[i].name, n);
        total += n;
    }
    if (total == 0) {
        fprintf(stderr, "replay: no corpus found under %s\n", roots[0]);
        printf("fuzz-replay: 0 passed, 1 failed\n");
        return 1;
    }
    printf("fuzz-replay: %ld passed, 0 failed\n", total);
    return 0;
}
