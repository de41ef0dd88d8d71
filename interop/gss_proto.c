/* MIT gss-sample token framing: see gss_proto.h for the format and the conversation. */
#include "interop/gss_proto.h"

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* write(2), not send(2): with -inetd the connection is the server's stdin, which may be a
 * pipe in tests rather than a socket. */
static int proto_write_all(int fd, const unsigned char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Reads exactly n bytes. Returns n, fewer when the peer closed (0 at a clean EOF), or -1
 * (errno set; ETIMEDOUT after PROTO_READ_TIMEOUT_MS of silence). */
static ssize_t proto_read_all(int fd, unsigned char *p, size_t n)
{
    size_t got = 0;
    while (got < n) {
        struct pollfd pfd = {fd, POLLIN, 0};
        int r = poll(&pfd, 1, PROTO_READ_TIMEOUT_MS);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0) {
            errno = ETIMEDOUT;
            return -1;
        }
        ssize_t rd = read(fd, p + got, n - got);
        if (rd < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (rd == 0)
            break;
        got += (size_t)rd;
    }
    return (ssize_t)got;
}

proto_result proto_send(const char *prog, int fd, int flags, const void *tok, size_t len)
{
    unsigned char head[5];
    size_t n = 0;

    if (len > UINT32_MAX) {
        fprintf(stderr, "%s: token of %zu bytes is too long for the protocol\n", prog, len);
        return PROTO_ERROR;
    }
    /* gss-misc.c send_token: the flag byte only when the flags are non-zero. */
    if ((unsigned char)flags != 0)
        head[n++] = (unsigned char)flags;
    head[n++] = (unsigned char)(len >> 24);
    head[n++] = (unsigned char)(len >> 16);
    head[n++] = (unsigned char)(len >> 8);
    head[n++] = (unsigned char)len;
    if (proto_write_all(fd, head, n) != 0 ||
        (len > 0 && proto_write_all(fd, tok, len) != 0)) {
        fprintf(stderr, "%s: sending token: %s\n", prog, strerror(errno));
        return PROTO_ERROR;
    }
    return PROTO_OK;
}

proto_result proto_recv(const char *prog, int fd, int *flags, unsigned char **tok, size_t *len)
{
    unsigned char first, lenbuf[4];
    ssize_t r;
    size_t need;
    uint32_t n;

    *flags = 0;
    *tok = NULL;
    *len = 0;
    r = proto_read_all(fd, &first, 1);
    if (r == 0)
        return PROTO_EOF;
    if (r < 0) {
        fprintf(stderr, "%s: reading token flags: %s\n", prog, strerror(errno));
        return PROTO_ERROR;
    }
    /* gss-misc.c recv_token: a zero first byte is the high byte of a v1 token's length. */
    if (first == 0) {
        lenbuf[0] = 0;
        need = 3;
        r = proto_read_all(fd, lenbuf + 1, need);
    } else {
        *flags = first;
        need = 4;
        r = proto_read_all(fd, lenbuf, need);
    }
    if (r != (ssize_t)need) {
        if (r < 0)
            fprintf(stderr, "%s: reading token length: %s\n", prog, strerror(errno));
        else
            fprintf(stderr, "%s: reading token length: %zd of %zu bytes read\n", prog, r, need);
        return PROTO_ERROR;
    }
    n = ((uint32_t)lenbuf[0] << 24) | ((uint32_t)lenbuf[1] << 16) | ((uint32_t)lenbuf[2] << 8) |
        (uint32_t)lenbuf[3];
    if (n > PROTO_TOKEN_MAX) {
        fprintf(stderr, "%s: token length %u exceeds %u bytes: not this protocol?\n", prog,
                (unsigned)n, PROTO_TOKEN_MAX);
        return PROTO_ERROR;
    }
    *tok = malloc(n ? n : 1);
    if (*tok == NULL) {
        fprintf(stderr, "%s: out of memory for a %u-byte token\n", prog, (unsigned)n);
        return PROTO_ERROR;
    }
    r = proto_read_all(fd, *tok, n);
    if (r != (ssize_t)n) {
        if (r < 0)
            fprintf(stderr, "%s: reading token data: %s\n", prog, strerror(errno));
        else
            fprintf(stderr, "%s: reading token data: %zd of %u bytes read\n", prog, r,
                    (unsigned)n);
        free(*tok);
        *tok = NULL;
        return PROTO_ERROR;
    }
    *len = n;
    return PROTO_OK;
}

const char *proto_flags_text(int flags, char *buf, size_t size)
{
    static const struct {
        int bit;
        const char *name;
    } names[] = {
        {TOKEN_NOOP, "NOOP"},           {TOKEN_CONTEXT, "CONTEXT"},
        {TOKEN_DATA, "DATA"},           {TOKEN_MIC, "MIC"},
        {TOKEN_CONTEXT_NEXT, "CONTEXT_NEXT"}, {TOKEN_WRAPPED, "WRAPPED"},
        {TOKEN_ENCRYPTED, "ENCRYPTED"}, {TOKEN_SEND_MIC, "SEND_MIC"},
    };
    size_t used = 0;

    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (flags == 0) {
        snprintf(buf, size, "none (v1)");
        return buf;
    }
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if ((flags & names[i].bit) == 0)
            continue;
        int w = snprintf(buf + used, size - used, "%s%s", used ? "|" : "", names[i].name);
        if (w < 0 || (size_t)w >= size - used)
            break;
        used += (size_t)w;
    }
    return buf;
}
