/* Writes the fuzz targets' seed corpora: real tokens the throwaway realms' contexts exchange
 * (AP-REQ, AP-REP, wrap and MIC tokens of every variant), in each target's input format,
 * plus the XOR-mode seeds that stand for the live tokens themselves (fuzz_common.h).
 *   make_corpus DIR   writes DIR/<target>/seed-*, replacing what is there
 * Run by "make fuzz-corpus"; the output is committed (a few KiB). */
#include "tests/fuzz/fuzz_common.h"
#include "tests/reliability/rel_common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *top;
static size_t written, bytes;

static void seed(const char *target, const char *name, const unsigned char *head, size_t head_len,
                 const unsigned char *body, size_t body_len)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", top, target);
    if (mkdir(path, 0755) != 0 && errno != EEXIST) {
        perror(path);
        exit(1);
    }
    snprintf(path, sizeof(path), "%s/%s/seed-%s", top, target, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(head, 1, head_len, f) != head_len ||
        (body_len > 0 && fwrite(body, 1, body_len, f) != body_len) || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
    written++;
    bytes += head_len + body_len;
}

static const char *vname[FZ_VARIANTS] = {"aes", "aes-dce", "rc4", "rc4-dce"};

static void establishment_seeds(void)
{
    for (unsigned v = 0; v < 2; v++) {
        fz_pair *p = fz_pair_of(v);
        char name[64];
        unsigned char raw[2] = {(unsigned char)v, 0}, xor_[2] = {(unsigned char)(v | FZ_XOR), 0};
        snprintf(name, sizeof(name), "%s-ap-req", vname[v]);
        seed("fuzz_accept", name, raw, 2, p->ap_req, p->ap_req_len);
        snprintf(name, sizeof(name), "%s-live", vname[v]);
        seed("fuzz_accept", name, xor_, 2, NULL, 0);
        snprintf(name, sizeof(name), "%s-ap-rep", vname[v]);
        seed("fuzz_init_reply", name, raw, 2, p->ap_rep, p->ap_rep_len);
        snprintf(name, sizeof(name), "%s-live", vname[v]);
        seed("fuzz_init_reply", name, xor_, 2, NULL, 0);
    }
    /* Channel bindings in front of the token: a SEC_CHANNEL_BINDINGS with 8 bytes of
     * application data right after it. */
    fz_pair *p = fz_pair_of(FZ_AES);
    unsigned char cb[sizeof(SEC_CHANNEL_BINDINGS) + 8 + 2] = {0x08, sizeof(SEC_CHANNEL_BINDINGS) + 8};
    SEC_CHANNEL_BINDINGS h = {0};
    h.cbApplicationDataLength = 8;
    h.dwApplicationDataOffset = sizeof(SEC_CHANNEL_BINDINGS);
    memcpy(cb + 2, &h, sizeof(h));
    memcpy(cb + 2 + sizeof(h), "tls-uniq", 8);
    seed("fuzz_accept", "aes-bindings", cb, sizeof(cb), p->ap_req, p->ap_req_len);
    seed("fuzz_init_reply", "aes-bindings", cb, sizeof(cb), p->ap_rep, p->ap_rep_len);
    unsigned char alloc[2] = {0x14, 0}, small[2] = {0x24, 0}, empty_cb[2] = {0x0C, 0};
    seed("fuzz_accept", "aes-live-allocate", alloc, 2, NULL, 0);
    seed("fuzz_accept", "aes-live-short-output", small, 2, NULL, 0);
    seed("fuzz_accept", "aes-live-empty-bindings", empty_cb, 2, NULL, 0);
    unsigned char dce_alloc[2] = {0x15, 0};
    seed("fuzz_init_reply", "aes-dce-live-no-output", dce_alloc, 2, NULL, 0);
}

static void message_seeds(void)
{
    static const char msg[] = "a message the fuzzer starts from";
    for (unsigned v = 0; v < FZ_VARIANTS; v++) {
        fz_pair *p = fz_pair_of(v);
        char name[64];
        for (int integ = 0; integ < 2; integ++) {
            unsigned char wire[512];
            size_t len = 0;
            if (rel_seal(&p->ictx, integ ? SECQOP_WRAP_NO_ENCRYPT : 0, msg, strlen(msg), wire, sizeof(wire),
                         &len) != SEC_E_OK)
                fz_fail("seal");
            unsigned char stream[2] = {(unsigned char)(v | (integ ? 0x08 : 0)), 0};
            snprintf(name, sizeof(name), "%s-%s-stream", vname[v], integ ? "integ" : "conf");
            seed("fuzz_decrypt", name, stream, 2, wire, len);
            /* TOKEN | DATA at the real header length (all but the message and its pad). */
            size_t pad = v >= FZ_RC4 ? 1 : 0;
            unsigned char split[2] = {(unsigned char)(v | (integ ? 0x08 : 0) | 0x20),
                                      (unsigned char)(len - strlen(msg) - pad)};
            snprintf(name, sizeof(name), "%s-%s-token-data-padding", vname[v], integ ? "integ" : "conf");
            seed("fuzz_decrypt", name, split, 2, wire, len);
            for (unsigned layout = 0; layout < 4; layout++) {
                unsigned char x[2] = {(unsigned char)(v | FZ_XOR | (integ ? 0x08 : 0) | layout << 4), 0};
                snprintf(name, sizeof(name), "%s-%s-live-layout%u", vname[v], integ ? "integ" : "conf", layout);
                seed("fuzz_decrypt", name, x, 2, NULL, 0);
            }
        }
        unsigned char mic[128];
        size_t mic_len = 0;
        if (rel_sign(&p->ictx, msg, strlen(msg), mic, sizeof(mic), &mic_len) != SEC_E_OK)
            fz_fail("sign");
        unsigned char both[256];
        memcpy(both, mic, mic_len);
        memcpy(both + mic_len, msg, strlen(msg));
        unsigned char head[2] = {(unsigned char)v, (unsigned char)mic_len};
        snprintf(name, sizeof(name), "%s-mic", vname[v]);
        seed("fuzz_verify", name, head, 2, both, mic_len + strlen(msg));
        unsigned char x[2] = {(unsigned char)(v | FZ_XOR), 0}, xo[2] = {(unsigned char)(v | FZ_XOR | 0x38), 0};
        snprintf(name, sizeof(name), "%s-live", vname[v]);
        seed("fuzz_verify", name, x, 2, NULL, 0);
        snprintf(name, sizeof(name), "%s-live-data-first-readonly-split", vname[v]);
        seed("fuzz_verify", name, xo, 2, NULL, 0);
    }
}

/* One descriptor seed: op and flags, then buffers of (type index | attributes, size). */
static void descriptor(const char *name, unsigned b0, unsigned n, const unsigned (*bufs)[2])
{
    unsigned char in[4096];
    size_t len = 0;
    in[len++] = (unsigned char)b0;
    in[len++] = 0;
    in[len++] = (unsigned char)n;
    for (unsigned i = 0; i < n; i++) {
        in[len++] = (unsigned char)bufs[i][0];
        in[len++] = (unsigned char)(bufs[i][1] & 0xFF);
        in[len++] = (unsigned char)(bufs[i][1] >> 8);
        if (!(bufs[i][0] & 0x40)) {
            memset(in + len, 'm', bufs[i][1]);
            len += bufs[i][1];
        }
    }
    seed("fuzz_descriptor", name, in, len, NULL, 0);
}

/* Type indexes of fuzz_descriptor's table. */
enum { X_EMPTY = 0, X_DATA = 1, X_TOKEN = 2, X_PADDING = 3, X_STREAM = 4, X_MISSING = 5, X_UNKNOWN = 11 };
#define X_READONLY 0x10
#define X_RO_CHECKSUM 0x20

static void descriptor_seeds(void)
{
    static const unsigned tdp[][2] = {{X_TOKEN, 64}, {X_DATA, 24}, {X_PADDING, 16}};
    static const unsigned td[][2] = {{X_TOKEN, 64}, {X_DATA, 24}};
    static const unsigned dt[][2] = {{X_DATA, 24}, {X_TOKEN, 64}};
    static const unsigned sd[][2] = {{X_STREAM, 120}, {X_DATA, 0}};
    static const unsigned sde[][2] = {{X_STREAM, 40}, {X_DATA, 0}, {X_EMPTY, 0}};
    static const unsigned signed_hdr[][2] = {{X_TOKEN, 64}, {X_DATA | X_RO_CHECKSUM, 8}, {X_DATA, 24},
                                             {X_PADDING, 16}, {X_UNKNOWN, 4}};
    for (unsigned v = 0; v < FZ_VARIANTS; v++) {
        char name[64];
        snprintf(name, sizeof(name), "%s-encrypt-token-data-padding", vname[v]);
        descriptor(name, 0 | v << 2, 3, tdp);
        snprintf(name, sizeof(name), "%s-decrypt-live-stream", vname[v]);
        descriptor(name, 1 | v << 2 | 0x10, 2, sd);
        snprintf(name, sizeof(name), "%s-decrypt-live-token-data-padding", vname[v]);
        descriptor(name, 1 | v << 2 | 0x10, 3, tdp);
        snprintf(name, sizeof(name), "%s-sign-data-token", vname[v]);
        descriptor(name, 2 | v << 2, 2, dt);
        snprintf(name, sizeof(name), "%s-verify-live-token-data", vname[v]);
        descriptor(name, 3 | v << 2 | 0x10, 2, td);
    }
    descriptor("aes-decrypt-cut-stream-missing", 1 | 0x10, 3, sde);
    descriptor("aes-encrypt-sign-only-header", 0, 5, signed_hdr);
    descriptor("rc4-encrypt-integrity-only", 0 | FZ_RC4 << 2 | 0x20, 3, tdp);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s CORPUS-DIR\n", argv[0]);
        return 2;
    }
    top = argv[1];
    if (mkdir(top, 0755) != 0 && errno != EEXIST) {
        perror(top);
        return 1;
    }
    fz_init();
    establishment_seeds();
    message_seeds();
    descriptor_seeds();
    printf("make_corpus: %zu seeds, %zu bytes under %s\n", written, bytes, top);
    return 0;
}
