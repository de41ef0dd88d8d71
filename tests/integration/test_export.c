/* ExportSecurityContext / ImportSecurityContextA/W: a context established here continues in
 * another process. The other process is this program again, started with fork+exec in child
 * mode ("--import-child A|W"); the packed context and the messages go through pipes. The
 * parent talks to the context through a raw GSSAPI peer: it protects a message for the child
 * to decrypt and verify, and checks what the child protects in turn. Bad packed contexts give
 * exact SEC_E_* codes. */
#include "bridge/backend.h"
#include "bridge/memory.h"
#include "mappings/map_enctype.h"
#include "tests/common/test_main.h"
#include "tests/realm/realm.h"

#include <errno.h>
#include <gssapi/gssapi.h>
#include <gssapi/gssapi_ext.h>
#include <gssapi/gssapi_krb5.h>
#include <limits.h>
#include <security.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define TOKEN_MAX 65536
#define CHILD_ARG "--import-child"

static realm test_realm;
static size_t mem_at_start;

static int suite_init(void)
{
    mem_at_start = mem_live_count();
    if (realm_up(NULL, &test_realm) != 0)
        return -1;
    return realm_kinit(&test_realm);
}

static int suite_clean(void)
{
    realm_down(&test_realm);
    return 0;
}

/* ---- Pipes: frames of [u32 status][u32 length][bytes], big-endian ---------------------- */

static int write_all(int fd, const void *p, size_t n)
{
    const unsigned char *b = p;
    while (n > 0) {
        ssize_t w = write(fd, b, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        b += w;
        n -= (size_t)w;
    }
    return 0;
}

static int read_all(int fd, void *p, size_t n)
{
    unsigned char *b = p;
    while (n > 0) {
        ssize_t r = read(fd, b, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        b += r;
        n -= (size_t)r;
    }
    return 0;
}

static int frame_write(int fd, uint32_t status, const void *data, size_t len)
{
    unsigned char hdr[8] = {(unsigned char)(status >> 24), (unsigned char)(status >> 16),
                            (unsigned char)(status >> 8),  (unsigned char)status,
                            (unsigned char)(len >> 24),    (unsigned char)(len >> 16),
                            (unsigned char)(len >> 8),     (unsigned char)len};
    if (write_all(fd, hdr, 8) != 0)
        return -1;
    return len ? write_all(fd, data, len) : 0;
}

/* Reads one frame into a malloc'd buffer (*data, NUL-terminated for convenience). */
static int frame_read(int fd, uint32_t *status, unsigned char **data, size_t *len)
{
    unsigned char hdr[8];
    *data = NULL;
    *len = 0;
    if (read_all(fd, hdr, 8) != 0)
        return -1;
    *status = ((uint32_t)hdr[0] << 24) | ((uint32_t)hdr[1] << 16) | ((uint32_t)hdr[2] << 8) | hdr[3];
    size_t n = ((size_t)hdr[4] << 24) | ((size_t)hdr[5] << 16) | ((size_t)hdr[6] << 8) | hdr[7];
    if (n > 16 * (size_t)TOKEN_MAX)
        return -1;
    *data = malloc(n + 1);
    if (*data == NULL || (n > 0 && read_all(fd, *data, n) != 0)) {
        free(*data);
        *data = NULL;
        return -1;
    }
    (*data)[n] = '\0';
    *len = n;
    return 0;
}

/* ---- Child mode: import, then use the context ----------------------------------------- */

static const char child_plain[] = "protected by the child";
static const char child_signed[] = "signed by the child";

/* The steps the child takes, each answered with one frame. */
static int child_run(const char *mode)
{
    int in = 0, out = 1, wide = strcmp(mode, "W") == 0;
    uint32_t ignored;
    unsigned char *blob = NULL, *wrapped = NULL, *msg = NULL, *mic = NULL;
    size_t blob_len, wrapped_len, msg_len, mic_len;
    CtxtHandle h;
    SECURITY_STATUS st;

    if (frame_read(in, &ignored, &blob, &blob_len) != 0)
        return 2;
    SecBuffer packed = {(ULONG)blob_len, SECBUFFER_EMPTY, blob};
    st = wide ? ImportSecurityContextW((SEC_WCHAR *)u"Kerberos", &packed, NULL, &h)
              : ImportSecurityContextA((SEC_CHAR *)"Kerberos", &packed, NULL, &h);
    explicit_bzero(blob, blob_len);
    free(blob);
    frame_write(out, (uint32_t)st, NULL, 0);
    if (st != SEC_E_OK)
        return 1;

    /* 1. The peer's sealed message, as one stream. */
    if (frame_read(in, &ignored, &wrapped, &wrapped_len) != 0)
        return 2;
    SecBuffer dbufs[2] = {{(ULONG)wrapped_len, SECBUFFER_STREAM, wrapped}, {0, SECBUFFER_DATA, NULL}};
    SecBufferDesc ddesc = {SECBUFFER_VERSION, 2, dbufs};
    ULONG qop = 0;
    st = DecryptMessage(&h, &ddesc, 0, &qop);
    frame_write(out, (uint32_t)st, st == SEC_E_OK ? dbufs[1].pvBuffer : NULL, st == SEC_E_OK ? dbufs[1].cbBuffer : 0);
    free(wrapped);

    /* 2. The peer's MIC over a message. */
    if (frame_read(in, &ignored, &msg, &msg_len) != 0 || frame_read(in, &ignored, &mic, &mic_len) != 0)
        return 2;
    SecBuffer vbufs[2] = {{(ULONG)msg_len, SECBUFFER_DATA, msg}, {(ULONG)mic_len, SECBUFFER_TOKEN, mic}};
    SecBufferDesc vdesc = {SECBUFFER_VERSION, 2, vbufs};
    st = VerifySignature(&h, &vdesc, 0, &qop);
    frame_write(out, (uint32_t)st, NULL, 0);
    free(msg);
    free(mic);

    /* 3. A message sealed here: TOKEN || DATA || PADDING is one standard wrap token. */
    SecPkgContext_Sizes sizes = {0};
    unsigned char sealed[TOKEN_MAX];
    st = QueryContextAttributesA(&h, SECPKG_ATTR_SIZES, &sizes);
    if (st == SEC_E_OK && sizes.cbSecurityTrailer + sizeof(child_plain) + sizes.cbBlockSize <= sizeof(sealed)) {
        unsigned char *tok = sealed, *data = sealed + sizes.cbSecurityTrailer;
        memcpy(data, child_plain, sizeof(child_plain));
        SecBuffer ebufs[3] = {{sizes.cbSecurityTrailer, SECBUFFER_TOKEN, tok},
                              {sizeof(child_plain), SECBUFFER_DATA, data},
                              {sizes.cbBlockSize, SECBUFFER_PADDING, data + sizeof(child_plain)}};
        SecBufferDesc edesc = {SECBUFFER_VERSION, 3, ebufs};
        st = EncryptMessage(&h, 0, &edesc, 0);
        if (st == SEC_E_OK) {
            /* Close the gaps the buffers' final sizes leave. */
            unsigned char joined[TOKEN_MAX];
            size_t n = 0;
            for (int i = 0; i < 3; i++) {
                memcpy(joined + n, ebufs[i].pvBuffer, ebufs[i].cbBuffer);
                n += ebufs[i].cbBuffer;
            }
            frame_write(out, (uint32_t)st, joined, n);
        } else {
            frame_write(out, (uint32_t)st, NULL, 0);
        }
    } else {
        frame_write(out, (uint32_t)st, NULL, 0);
    }

    /* 4. A MIC made here. */
    unsigned char sig[TOKEN_MAX];
    SecBuffer sbufs[2] = {{sizeof(child_signed) - 1, SECBUFFER_DATA, (void *)child_signed},
                          {sizes.cbMaxSignature ? sizes.cbMaxSignature : sizeof(sig), SECBUFFER_TOKEN, sig}};
    SecBufferDesc sdesc = {SECBUFFER_VERSION, 2, sbufs};
    st = MakeSignature(&h, 0, &sdesc, 0);
    frame_write(out, (uint32_t)st, st == SEC_E_OK ? sig : NULL, st == SEC_E_OK ? sbufs[1].cbBuffer : 0);

    /* 5. The session key and the client's name, as the imported context reports them. */
    SecPkgContext_SessionKey sk = {0};
    st = wide ? QueryContextAttributesW(&h, SECPKG_ATTR_SESSION_KEY, &sk)
              : QueryContextAttributesA(&h, SECPKG_ATTR_SESSION_KEY, &sk);
    frame_write(out, (uint32_t)st, sk.SessionKey, st == SEC_E_OK ? sk.SessionKeyLength : 0);
    FreeContextBuffer(sk.SessionKey);
    char name[512] = "";
    if (wide) {
        SecPkgContext_NamesW nw = {0};
        st = QueryContextAttributesW(&h, SECPKG_ATTR_NAMES, &nw);
        for (size_t i = 0; st == SEC_E_OK && nw.sUserName[i] && i + 1 < sizeof(name); i++)
            name[i] = nw.sUserName[i] < 0x80 ? (char)nw.sUserName[i] : '?';
        FreeContextBuffer(nw.sUserName);
    } else {
        SecPkgContext_NamesA na = {0};
        st = QueryContextAttributesA(&h, SECPKG_ATTR_NAMES, &na);
        if (st == SEC_E_OK)
            snprintf(name, sizeof(name), "%s", na.sUserName);
        FreeContextBuffer(na.sUserName);
    }
    frame_write(out, (uint32_t)st, name, strlen(name));

    /* 6. Cleanup, and proof that nothing handed out is left. */
    st = DeleteSecurityContext(&h);
    frame_write(out, (uint32_t)st, NULL, 0);
    frame_write(out, (uint32_t)mem_live_count(), NULL, 0);
    return 0;
}

/* ---- Parent side ------------------------------------------------------------------------ */

typedef struct child {
    pid_t pid;
    int to, from;
} child;

static int child_start(child *ch, const char *mode)
{
    char self[PATH_MAX];
    int down[2], up[2];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (n <= 0 || pipe(down) != 0)
        return -1;
    self[n] = '\0';
    if (pipe(up) != 0)
        return -1;
    ch->pid = fork();
    if (ch->pid < 0)
        return -1;
    if (ch->pid == 0) {
        dup2(down[0], 0);
        dup2(up[1], 1);
        close(down[0]);
        close(down[1]);
        close(up[0]);
        close(up[1]);
        execl(self, self, CHILD_ARG, mode, (char *)NULL);
        _exit(127);
    }
    close(down[0]);
    close(up[1]);
    ch->to = down[1];
    ch->from = up[0];
    return 0;
}

/* Closes the pipes and returns the child's exit status (-1 if it did not exit normally). */
static int child_finish(child *ch)
{
    int wstatus = 0;
    close(ch->to);
    close(ch->from);
    if (waitpid(ch->pid, &wstatus, 0) != ch->pid)
        return -1;
    return WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
}

/* A bridge context and the raw GSSAPI peer on the other side. */
typedef struct pair {
    CtxtHandle h;
    gss_ctx_id_t peer;
    ULONG attrs;
} pair;

static void pair_bridge_initiator(pair *p)
{
    CredHandle ic;
    unsigned char tok[TOKEN_MAX];
    OM_uint32 major, minor;
    gss_buffer_desc in, out = GSS_C_EMPTY_BUFFER;
    ULONG req = ISC_REQ_MUTUAL_AUTH | ISC_REQ_CONFIDENTIALITY | ISC_REQ_INTEGRITY | ISC_REQ_REPLAY_DETECT |
                ISC_REQ_SEQUENCE_DETECT;

    p->peer = GSS_C_NO_CONTEXT;
    CU_ASSERT_EQUAL_FATAL(AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL,
                                                    NULL, NULL, NULL, &ic, NULL),
                          SEC_E_OK);
    SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
    SecBufferDesc obd = {SECBUFFER_VERSION, 1, &ob};
    CU_ASSERT_EQUAL_FATAL(InitializeSecurityContextA(&ic, NULL, (SEC_CHAR *)"host/localhost", req, 0,
                                                     SECURITY_NATIVE_DREP, NULL, 0, &p->h, &obd, &p->attrs, NULL),
                          SEC_I_CONTINUE_NEEDED);
    in.value = tok;
    in.length = ob.cbBuffer;
    major = gss_accept_sec_context(&minor, &p->peer, GSS_C_NO_CREDENTIAL, &in, GSS_C_NO_CHANNEL_BINDINGS,
                                   NULL, NULL, &out, NULL, NULL, NULL);
    CU_ASSERT_EQUAL_FATAL(major, GSS_S_COMPLETE);
    SecBuffer ib = {(ULONG)out.length, SECBUFFER_TOKEN, out.value};
    SecBufferDesc ibd = {SECBUFFER_VERSION, 1, &ib};
    ob = (SecBuffer){sizeof(tok), SECBUFFER_TOKEN, tok};
    CU_ASSERT_EQUAL_FATAL(InitializeSecurityContextA(&ic, &p->h, NULL, req, 0, SECURITY_NATIVE_DREP, &ibd, 0,
                                                     &p->h, &obd, &p->attrs, NULL),
                          SEC_E_OK);
    gss_release_buffer(&minor, &out);
    FreeCredentialsHandle(&ic);
}

static void pair_bridge_acceptor(pair *p)
{
    CredHandle ac;
    unsigned char tok[TOKEN_MAX];
    OM_uint32 major, minor;
    gss_buffer_desc in = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
    gss_buffer_desc namebuf = {strlen("host@localhost"), (void *)"host@localhost"};
    gss_name_t target = GSS_C_NO_NAME;
    OM_uint32 flags = GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG | GSS_C_CONF_FLAG |
                      GSS_C_INTEG_FLAG;

    p->peer = GSS_C_NO_CONTEXT;
    CU_ASSERT_EQUAL_FATAL(gss_import_name(&minor, &namebuf, GSS_C_NT_HOSTBASED_SERVICE, &target), GSS_S_COMPLETE);
    major = gss_init_sec_context(&minor, GSS_C_NO_CREDENTIAL, &p->peer, target, (gss_OID)gss_mech_krb5, flags,
                                 0, GSS_C_NO_CHANNEL_BINDINGS, &in, NULL, &out, NULL, NULL);
    CU_ASSERT_EQUAL_FATAL(major, GSS_S_CONTINUE_NEEDED);
    CU_ASSERT_EQUAL_FATAL(AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_INBOUND, NULL,
                                                    NULL, NULL, NULL, &ac, NULL),
                          SEC_E_OK);
    SecBuffer ib = {(ULONG)out.length, SECBUFFER_TOKEN, out.value};
    SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
    SecBufferDesc ibd = {SECBUFFER_VERSION, 1, &ib}, obd = {SECBUFFER_VERSION, 1, &ob};
    CU_ASSERT_EQUAL_FATAL(AcceptSecurityContext(&ac, NULL, &ibd, ASC_REQ_CONFIDENTIALITY | ASC_REQ_INTEGRITY,
                                                SECURITY_NATIVE_DREP, &p->h, &obd, &p->attrs, NULL),
                          SEC_E_OK);
    gss_release_buffer(&minor, &out);
    in.value = tok;
    in.length = ob.cbBuffer;
    major = gss_init_sec_context(&minor, GSS_C_NO_CREDENTIAL, &p->peer, target, (gss_OID)gss_mech_krb5, flags,
                                 0, GSS_C_NO_CHANNEL_BINDINGS, &in, NULL, &out, NULL, NULL);
    CU_ASSERT_EQUAL_FATAL(major, GSS_S_COMPLETE);
    gss_release_buffer(&minor, &out);
    gss_release_name(&minor, &target);
    FreeCredentialsHandle(&ac);
}

static void peer_release(pair *p)
{
    OM_uint32 minor;
    gss_delete_sec_context(&minor, &p->peer, GSS_C_NO_BUFFER);
}

/* The peer's view of the session key. */
static size_t peer_session_key(pair *p, unsigned char *key, size_t size)
{
    OM_uint32 minor;
    gss_buffer_set_t set = GSS_C_NO_BUFFER_SET;
    size_t len = 0;
    CU_ASSERT_EQUAL_FATAL(backend_session_key(&minor, p->peer, &set),
                          GSS_S_COMPLETE);
    if (set->elements[0].length <= size) {
        len = set->elements[0].length;
        memcpy(key, set->elements[0].value, len);
    }
    gss_release_buffer_set(&minor, &set);
    return len;
}

/* One message from the bridge context to the peer before export, so the sequence numbers
 * the packed context carries are not the initial ones. */
static void bridge_to_peer(pair *p)
{
    static const char text[] = "before export";
    SecPkgContext_Sizes sizes;
    unsigned char buf[4096];
    OM_uint32 minor;
    CU_ASSERT_EQUAL_FATAL(QueryContextAttributesA(&p->h, SECPKG_ATTR_SIZES, &sizes), SEC_E_OK);
    CU_ASSERT_FATAL(sizes.cbSecurityTrailer + sizeof(text) + sizes.cbBlockSize <= sizeof(buf));
    memcpy(buf + sizes.cbSecurityTrailer, text, sizeof(text));
    SecBuffer b[3] = {{sizes.cbSecurityTrailer, SECBUFFER_TOKEN, buf},
                      {sizeof(text), SECBUFFER_DATA, buf + sizes.cbSecurityTrailer},
                      {sizes.cbBlockSize, SECBUFFER_PADDING, buf + sizes.cbSecurityTrailer + sizeof(text)}};
    SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
    CU_ASSERT_EQUAL_FATAL(EncryptMessage(&p->h, 0, &d, 0), SEC_E_OK);
    unsigned char joined[4096];
    size_t n = 0;
    for (int i = 0; i < 3; i++) {
        memmove(joined + n, b[i].pvBuffer, b[i].cbBuffer);
        n += b[i].cbBuffer;
    }
    gss_buffer_desc in = {n, joined}, out = GSS_C_EMPTY_BUFFER;
    CU_ASSERT_EQUAL(gss_unwrap(&minor, p->peer, &in, &out, NULL, NULL), GSS_S_COMPLETE);
    CU_ASSERT_EQUAL(out.length, sizeof(text));
    gss_release_buffer(&minor, &out);
}

/* Exports p's context, hands it to a child and checks every step the child reports. */
static void export_to_child(pair *p, ULONG flags, const char *mode)
{
    static const char parent_plain[] = "sealed by the parent's peer";
    static const char parent_signed[] = "signed by the parent's peer";
    SecBuffer packed = {0, SECBUFFER_EMPTY, NULL};
    void *token = (void *)1;
    unsigned char key[64];
    size_t key_len = peer_session_key(p, key, sizeof(key));
    OM_uint32 minor;
    uint32_t st;
    unsigned char *data;
    size_t len;
    child ch;

    bridge_to_peer(p);
    CU_ASSERT_EQUAL_FATAL(ExportSecurityContext(&p->h, flags, &packed, &token), SEC_E_OK);
    CU_ASSERT_PTR_NULL(token);
    CU_ASSERT_PTR_NOT_NULL_FATAL(packed.pvBuffer);
    CU_ASSERT(packed.cbBuffer > 40);
    CU_ASSERT_EQUAL_FATAL(child_start(&ch, mode), 0);
    CU_ASSERT_EQUAL(frame_write(ch.to, 0, packed.pvBuffer, packed.cbBuffer), 0);
    CU_ASSERT_EQUAL(FreeContextBuffer(packed.pvBuffer), SEC_E_OK);

    CU_ASSERT_EQUAL_FATAL(frame_read(ch.from, &st, &data, &len), 0);
    CU_ASSERT_EQUAL(st, (uint32_t)SEC_E_OK);
    free(data);
    if (st != (uint32_t)SEC_E_OK) {
        child_finish(&ch);
        return;
    }

    /* 1. The peer seals; the child decrypts. */
    gss_buffer_desc in = {sizeof(parent_plain), (void *)parent_plain}, out = GSS_C_EMPTY_BUFFER;
    CU_ASSERT_EQUAL(gss_wrap(&minor, p->peer, 1, GSS_C_QOP_DEFAULT, &in, NULL, &out), GSS_S_COMPLETE);
    frame_write(ch.to, 0, out.value, out.length);
    gss_release_buffer(&minor, &out);
    CU_ASSERT_EQUAL_FATAL(frame_read(ch.from, &st, &data, &len), 0);
    CU_ASSERT_EQUAL(st, (uint32_t)SEC_E_OK);
    CU_ASSERT_EQUAL(len, sizeof(parent_plain));
    CU_ASSERT(len == sizeof(parent_plain) && memcmp(data, parent_plain, len) == 0);
    free(data);

    /* 2. The peer signs; the child verifies. */
    in = (gss_buffer_desc){sizeof(parent_signed) - 1, (void *)parent_signed};
    CU_ASSERT_EQUAL(gss_get_mic(&minor, p->peer, GSS_C_QOP_DEFAULT, &in, &out), GSS_S_COMPLETE);
    frame_write(ch.to, 0, parent_signed, sizeof(parent_signed) - 1);
    frame_write(ch.to, 0, out.value, out.length);
    gss_release_buffer(&minor, &out);
    CU_ASSERT_EQUAL_FATAL(frame_read(ch.from, &st, &data, &len), 0);
    CU_ASSERT_EQUAL(st, (uint32_t)SEC_E_OK);
    free(data);

    /* 3. The child seals; the peer unwraps. */
    CU_ASSERT_EQUAL_FATAL(frame_read(ch.from, &st, &data, &len), 0);
    CU_ASSERT_EQUAL(st, (uint32_t)SEC_E_OK);
    if (st == (uint32_t)SEC_E_OK) {
        int conf = 0;
        in = (gss_buffer_desc){len, data};
        CU_ASSERT_EQUAL(gss_unwrap(&minor, p->peer, &in, &out, &conf, NULL), GSS_S_COMPLETE);
        CU_ASSERT(conf);
        CU_ASSERT(out.length == sizeof(child_plain) && memcmp(out.value, child_plain, out.length) == 0);
        gss_release_buffer(&minor, &out);
    }
    free(data);

    /* 4. The child signs; the peer verifies. */
    CU_ASSERT_EQUAL_FATAL(frame_read(ch.from, &st, &data, &len), 0);
    CU_ASSERT_EQUAL(st, (uint32_t)SEC_E_OK);
    if (st == (uint32_t)SEC_E_OK) {
        gss_buffer_desc msg = {sizeof(child_signed) - 1, (void *)child_signed}, mic = {len, data};
        CU_ASSERT_EQUAL(gss_verify_mic(&minor, p->peer, &msg, &mic, NULL), GSS_S_COMPLETE);
    }
    free(data);

    /* 5. The imported context has the peer's session key and the client's name. */
    CU_ASSERT_EQUAL_FATAL(frame_read(ch.from, &st, &data, &len), 0);
    CU_ASSERT_EQUAL(st, (uint32_t)SEC_E_OK);
    CU_ASSERT(len == key_len && key_len > 0 && memcmp(data, key, key_len) == 0);
    free(data);
    CU_ASSERT_EQUAL_FATAL(frame_read(ch.from, &st, &data, &len), 0);
    CU_ASSERT_EQUAL(st, (uint32_t)SEC_E_OK);
    CU_ASSERT_STRING_EQUAL((char *)data, test_realm.user);
    free(data);

    /* 6. The child deleted its context and leaked nothing. */
    CU_ASSERT_EQUAL_FATAL(frame_read(ch.from, &st, &data, &len), 0);
    CU_ASSERT_EQUAL(st, (uint32_t)SEC_E_OK);
    free(data);
    CU_ASSERT_EQUAL_FATAL(frame_read(ch.from, &st, &data, &len), 0);
    CU_ASSERT_EQUAL(st, 0);
    free(data);
    CU_ASSERT_EQUAL(child_finish(&ch), 0);
}

/* A fresh valid packed context of a bridge initiator (the pair's peer stays usable). */
static void packed_initiator(pair *p, SecBuffer *packed)
{
    pair_bridge_initiator(p);
    *packed = (SecBuffer){0, SECBUFFER_EMPTY, NULL};
    CU_ASSERT_EQUAL_FATAL(ExportSecurityContext(&p->h, SECPKG_CONTEXT_EXPORT_DELETE_OLD, packed, NULL), SEC_E_OK);
}

/* ---- Tests -------------------------------------------------------------------------- */

static void test_initiator_continues_in_another_process_a(void)
{
    pair p;
    pair_bridge_initiator(&p);
    export_to_child(&p, SECPKG_CONTEXT_EXPORT_DELETE_OLD, "A");
    peer_release(&p);
}

static void test_acceptor_continues_in_another_process_w(void)
{
    pair p;
    pair_bridge_acceptor(&p);
    export_to_child(&p, SECPKG_CONTEXT_EXPORT_DELETE_OLD, "W");
    peer_release(&p);
}

static void test_initiator_continues_in_another_process_w_after_reset_new(void)
{
    /* RESET_NEW is accepted and changes nothing: the sequence numbers carry over. */
    pair p;
    pair_bridge_initiator(&p);
    export_to_child(&p, SECPKG_CONTEXT_EXPORT_DELETE_OLD | SECPKG_CONTEXT_EXPORT_RESET_NEW, "W");
    peer_release(&p);
}

static void test_acceptor_continues_in_another_process_a_keeping_old_handle(void)
{
    pair p;
    pair_bridge_acceptor(&p);
    export_to_child(&p, 0, "A");
    CU_ASSERT_EQUAL(DeleteSecurityContext(&p.h), SEC_E_OK);
    peer_release(&p);
}

static void test_delete_old_deletes_the_exported_handle(void)
{
    SecBuffer packed;
    SecPkgContext_Flags fl;
    pair p;
    packed_initiator(&p, &packed);
    CU_ASSERT_EQUAL(QueryContextAttributesA(&p.h, SECPKG_ATTR_FLAGS, &fl), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&p.h), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(FreeContextBuffer(packed.pvBuffer), SEC_E_OK);
    peer_release(&p);
}

static void test_without_delete_old_the_handle_keeps_only_bridge_state(void)
{
    SecBuffer packed = {0, SECBUFFER_EMPTY, NULL}, again = {0, SECBUFFER_EMPTY, NULL};
    SecPkgContext_Flags fl = {0};
    SecPkgContext_NegotiationInfoA ni = {0};
    SecPkgContext_SessionKey sk = {0};
    SecPkgContext_NamesW names = {0};
    SecPkgContext_Sizes sizes;
    unsigned char buf[256];
    pair p;
    pair_bridge_initiator(&p);
    CU_ASSERT_EQUAL_FATAL(ExportSecurityContext(&p.h, 0, &packed, NULL), SEC_E_OK);
    /* What the bridge keeps itself still answers... */
    CU_ASSERT_EQUAL(QueryContextAttributesA(&p.h, SECPKG_ATTR_FLAGS, &fl), SEC_E_OK);
    CU_ASSERT_EQUAL(fl.Flags, p.attrs);
    CU_ASSERT_EQUAL(QueryContextAttributesA(&p.h, SECPKG_ATTR_NEGOTIATION_INFO, &ni), SEC_E_OK);
    CU_ASSERT_EQUAL(ni.NegotiationState, SECPKG_NEGOTIATION_COMPLETE);
    FreeContextBuffer(ni.PackageInfo);
    /* ...what needs the GSS context does not: it went with the packed context. */
    CU_ASSERT_EQUAL(QueryContextAttributesA(&p.h, SECPKG_ATTR_SESSION_KEY, &sk), SEC_E_INVALID_HANDLE);
    CU_ASSERT_PTR_NULL(sk.SessionKey);
    CU_ASSERT_EQUAL(QueryContextAttributesW(&p.h, SECPKG_ATTR_NAMES, &names), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(QueryContextAttributesA(&p.h, SECPKG_ATTR_SIZES, &sizes), SEC_E_INVALID_HANDLE);
    SecBuffer mb[2] = {{4, SECBUFFER_DATA, (void *)"data"}, {sizeof(buf), SECBUFFER_TOKEN, buf}};
    SecBufferDesc md = {SECBUFFER_VERSION, 2, mb};
    CU_ASSERT_EQUAL(MakeSignature(&p.h, 0, &md, 0), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(ExportSecurityContext(&p.h, 0, &again, NULL), SEC_E_INVALID_HANDLE);
    CU_ASSERT_PTR_NULL(again.pvBuffer);
    CU_ASSERT_EQUAL(again.cbBuffer, 0);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&p.h), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeContextBuffer(packed.pvBuffer), SEC_E_OK);
    peer_release(&p);
}

static void test_import_in_process_reports_the_exported_state(void)
{
    SecBuffer packed = {0, SECBUFFER_EMPTY, NULL};
    CtxtHandle h;
    SecPkgContext_Flags fl = {0};
    SecPkgContext_SessionKey sk = {0};
    SecPkgContext_KeyInfoW ki = {0};
    SecPkgContext_Lifespan before, after;
    unsigned char key[64];
    pair p;
    pair_bridge_initiator(&p);
    CU_ASSERT_EQUAL_FATAL(QueryContextAttributesA(&p.h, SECPKG_ATTR_LIFESPAN, &before), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(ExportSecurityContext(&p.h, SECPKG_CONTEXT_EXPORT_DELETE_OLD, &packed, NULL), SEC_E_OK);
    size_t key_len = peer_session_key(&p, key, sizeof(key));
    CU_ASSERT_EQUAL_FATAL(ImportSecurityContextW((SEC_WCHAR *)u"kerberos", &packed, NULL, &h), SEC_E_OK);
    CU_ASSERT_EQUAL(QueryContextAttributesA(&h, SECPKG_ATTR_FLAGS, &fl), SEC_E_OK);
    CU_ASSERT_EQUAL(fl.Flags, p.attrs);
    CU_ASSERT_EQUAL(QueryContextAttributesA(&h, SECPKG_ATTR_SESSION_KEY, &sk), SEC_E_OK);
    CU_ASSERT(sk.SessionKeyLength == key_len && memcmp(sk.SessionKey, key, key_len) == 0);
    FreeContextBuffer(sk.SessionKey);
    CU_ASSERT_EQUAL(QueryContextAttributesW(&h, SECPKG_ATTR_KEY_INFO, &ki), SEC_E_OK);
    CU_ASSERT_EQUAL(ki.EncryptAlgorithm, 18);
    FreeContextBuffer(ki.sEncryptAlgorithmName);
    FreeContextBuffer(ki.sSignatureAlgorithmName);
    /* Established when the exporter's context was, not when it was imported. */
    CU_ASSERT_EQUAL(QueryContextAttributesW(&h, SECPKG_ATTR_LIFESPAN, &after), SEC_E_OK);
    CU_ASSERT_EQUAL(after.tsStart.LowPart, before.tsStart.LowPart);
    CU_ASSERT_EQUAL(after.tsStart.HighPart, before.tsStart.HighPart);
    /* An imported context is established: establishment calls on it are out of sequence. */
    unsigned char tok[64];
    SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
    SecBufferDesc obd = {SECBUFFER_VERSION, 1, &ob};
    ULONG attrs;
    CU_ASSERT_EQUAL(InitializeSecurityContextA(NULL, &h, NULL, 0, 0, SECURITY_NATIVE_DREP, NULL, 0, &h, &obd,
                                               &attrs, NULL),
                    SEC_E_OUT_OF_SEQUENCE);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&h), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeContextBuffer(packed.pvBuffer), SEC_E_OK);
    peer_release(&p);
}

static void test_export_arguments_are_checked(void)
{
    SecBuffer packed = {7, SECBUFFER_EMPTY, (void *)1};
    CtxtHandle zero = {0, 0};
    pair p;
    pair_bridge_initiator(&p);
    CU_ASSERT_EQUAL(ExportSecurityContext(&zero, 0, &packed, NULL), SEC_E_INVALID_HANDLE);
    CU_ASSERT_PTR_NULL(packed.pvBuffer);
    CU_ASSERT_EQUAL(packed.cbBuffer, 0);
    CU_ASSERT_EQUAL(ExportSecurityContext(&p.h, 0, NULL, NULL), SEC_E_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(ExportSecurityContext(&p.h, SECPKG_CONTEXT_EXPORT_TO_KERNEL, &packed, NULL),
                    SEC_E_UNSUPPORTED_FUNCTION);
    CU_ASSERT_EQUAL(ExportSecurityContext(&p.h, 0x100, &packed, NULL), SEC_E_INVALID_PARAMETER);
    CU_ASSERT_PTR_NULL(packed.pvBuffer);
    /* None of those took the context away. */
    SecPkgContext_SessionKey sk = {0};
    CU_ASSERT_EQUAL(QueryContextAttributesA(&p.h, SECPKG_ATTR_SESSION_KEY, &sk), SEC_E_OK);
    FreeContextBuffer(sk.SessionKey);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&p.h), SEC_E_OK);
    peer_release(&p);
}

static void test_context_being_established_cannot_be_exported(void)
{
    CredHandle ic;
    CtxtHandle h;
    ULONG attrs;
    unsigned char tok[TOKEN_MAX];
    SecBuffer packed = {0, SECBUFFER_EMPTY, NULL};
    CU_ASSERT_EQUAL_FATAL(AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL,
                                                    NULL, NULL, NULL, &ic, NULL),
                          SEC_E_OK);
    SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
    SecBufferDesc obd = {SECBUFFER_VERSION, 1, &ob};
    CU_ASSERT_EQUAL_FATAL(InitializeSecurityContextA(&ic, NULL, (SEC_CHAR *)"host/localhost", ISC_REQ_MUTUAL_AUTH,
                                                     0, SECURITY_NATIVE_DREP, NULL, 0, &h, &obd, &attrs, NULL),
                          SEC_I_CONTINUE_NEEDED);
    CU_ASSERT_EQUAL(ExportSecurityContext(&h, 0, &packed, NULL), SEC_E_INVALID_HANDLE);
    CU_ASSERT_PTR_NULL(packed.pvBuffer);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&h), SEC_E_OK);
    FreeCredentialsHandle(&ic);
}

/* Imports a modified copy of a packed context and returns the status. */
static SECURITY_STATUS import_mutated(const SecBuffer *packed, size_t len, size_t at, unsigned char value,
                                      const char *package)
{
    unsigned char *copy = malloc(len > packed->cbBuffer ? len : packed->cbBuffer);
    CtxtHandle h;
    memcpy(copy, packed->pvBuffer, packed->cbBuffer);
    if (len > packed->cbBuffer)
        memset(copy + packed->cbBuffer, 0, len - packed->cbBuffer);
    if (at < len)
        copy[at] = value;
    SecBuffer b = {(ULONG)len, SECBUFFER_EMPTY, copy};
    SECURITY_STATUS st = ImportSecurityContextA((SEC_CHAR *)package, &b, NULL, &h);
    if (st == SEC_E_OK)
        DeleteSecurityContext(&h);
    free(copy);
    return st;
}

static void test_bad_packed_contexts_give_exact_codes(void)
{
    SecBuffer packed;
    CtxtHandle h;
    pair p;
    packed_initiator(&p, &packed);
    const unsigned char *b = packed.pvBuffer;
    size_t n = packed.cbBuffer, none = (size_t)-1;

    /* Shorter than the header, shorter or longer than the header says. */
    CU_ASSERT_EQUAL(import_mutated(&packed, 39, none, 0, "Kerberos"), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(import_mutated(&packed, 0, none, 0, "Kerberos"), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(import_mutated(&packed, n - 1, none, 0, "Kerberos"), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(import_mutated(&packed, n + 1, none, 0, "Kerberos"), SEC_E_INVALID_TOKEN);
    /* Magic, version, header length, reserved, flags, token length. */
    CU_ASSERT_EQUAL(import_mutated(&packed, n, 0, 'X', "Kerberos"), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(import_mutated(&packed, n, 5, 2, "Kerberos"), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(import_mutated(&packed, n, 7, 48, "Kerberos"), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(import_mutated(&packed, n, 11, 1, "Kerberos"), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(import_mutated(&packed, n, 15, b[15] | 0x80, "Kerberos"), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(import_mutated(&packed, n, 39, (unsigned char)(b[39] + 1), "Kerberos"), SEC_E_INVALID_TOKEN);
    /* The header says acceptor, the GSS token initiator. */
    CU_ASSERT_EQUAL(import_mutated(&packed, n, 15, b[15] & ~1u, "Kerberos"), SEC_E_INVALID_TOKEN);
    /* A GSS token that does not import: its mechanism OID, then its krb5 body. */
    CU_ASSERT_EQUAL(import_mutated(&packed, n, 40 + 6, (unsigned char)(b[40 + 6] ^ 0x55), "Kerberos"),
                    SEC_E_INVALID_TOKEN);
    /* Byte 20 of MIT's krb5 body is checked by its import; in Heimdal's serialization it is
     * a field its import takes as it is (README, "Heimdal backend"). */
    CU_ASSERT_EQUAL(import_mutated(&packed, n, 40 + 20, (unsigned char)(b[40 + 20] ^ 0xff), "Kerberos"),
                    test_backend_heimdal() ? SEC_E_OK : SEC_E_INVALID_TOKEN);
    /* Packages: one nobody has, one that is not this blob's, names that are no package. */
    CU_ASSERT_EQUAL(import_mutated(&packed, n, 9, 0x77, "Kerberos"), SEC_E_SECPKG_NOT_FOUND);
    CU_ASSERT_EQUAL(import_mutated(&packed, n, 9, 9 /* Negotiate */, "Kerberos"), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(import_mutated(&packed, n, none, 0, "Negotiate"), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(import_mutated(&packed, n, none, 0, "NoSuchPackage"), SEC_E_SECPKG_NOT_FOUND);
    CU_ASSERT_EQUAL(ImportSecurityContextA(NULL, &packed, NULL, &h), SEC_E_SECPKG_NOT_FOUND);
    CU_ASSERT_EQUAL(ImportSecurityContextW((SEC_WCHAR *)u"NoSuchPackage", &packed, NULL, &h), SEC_E_SECPKG_NOT_FOUND);
    /* Missing arguments. */
    SecBuffer empty = {16, SECBUFFER_EMPTY, NULL};
    CU_ASSERT_EQUAL(ImportSecurityContextA((SEC_CHAR *)"Kerberos", &empty, NULL, &h), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(ImportSecurityContextA((SEC_CHAR *)"Kerberos", NULL, NULL, &h), SEC_E_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(ImportSecurityContextW((SEC_WCHAR *)u"Kerberos", &packed, NULL, NULL), SEC_E_INVALID_PARAMETER);
    /* And the unmodified blob imports: the changes above were the reasons. */
    CU_ASSERT_EQUAL(import_mutated(&packed, n, none, 0, "Kerberos"), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeContextBuffer(packed.pvBuffer), SEC_E_OK);
    peer_release(&p);
}

static void test_nothing_handed_out_leaks(void)
{
    CU_ASSERT_EQUAL(mem_live_count(), mem_at_start);
}

static CU_TestInfo tests[] = {
    {"initiator continues in another process (A)", test_initiator_continues_in_another_process_a},
    {"acceptor continues in another process (W)", test_acceptor_continues_in_another_process_w},
    {"initiator continues in another process (W) after RESET_NEW",
     test_initiator_continues_in_another_process_w_after_reset_new},
    {"acceptor continues in another process (A), old handle kept",
     test_acceptor_continues_in_another_process_a_keeping_old_handle},
    {"DELETE_OLD deletes the exported handle", test_delete_old_deletes_the_exported_handle},
    {"without DELETE_OLD the handle keeps only the bridge's state",
     test_without_delete_old_the_handle_keeps_only_bridge_state},
    {"import in process reports the exported state", test_import_in_process_reports_the_exported_state},
    {"export arguments are checked", test_export_arguments_are_checked},
    {"a context being established cannot be exported", test_context_being_established_cannot_be_exported},
    {"bad packed contexts give exact codes", test_bad_packed_contexts_give_exact_codes},
    {"nothing handed out leaks", test_nothing_handed_out_leaks},
    CU_TEST_INFO_NULL,
};

/* The suite's main is SSPI_TEST_MAIN's, renamed so this program's main can run child mode. */
int export_suite_main(void);
#define main export_suite_main
SSPI_TEST_MAIN("context export and import", suite_init, suite_clean, tests)
#undef main

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], CHILD_ARG) == 0) {
        /* A parent that dies must not leave this child blocked on a pipe write. */
        signal(SIGPIPE, SIG_DFL);
        return child_run(argv[2]);
    }
    return export_suite_main();
}
