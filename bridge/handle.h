/* The handle table: CredHandle/CtxtHandle values are indexes plus a generation, never
 * pointers, so stale, foreign, zeroed or wrong-type handles are detected, not followed. */
#ifndef SSPIBRIDGE_HANDLE_H
#define SSPIBRIDGE_HANDLE_H

#include <sspi.h>
#include <stdatomic.h>
#include <stddef.h>

typedef enum handle_type {
    HANDLE_TYPE_CRED = 1,
    HANDLE_TYPE_CTX = 2,
} handle_type;

/* Embedded as the first member of every object a handle can name. The table holds one
 * reference while the handle is live; each caller holds one between acquire and release. */
typedef struct handle_obj {
    atomic_uint refs;
    handle_type type;
    void (*destroy)(struct handle_obj *obj);
} handle_obj;

/* Sets refs to 1 (the table's reference). */
void handle_obj_init(handle_obj *obj, handle_type type, void (*destroy)(handle_obj *));

/* Enters obj in the table and writes its handle. SEC_E_OK or SEC_E_INSUFFICIENT_MEMORY
 * (the object is then not in the table and the caller still owns it). */
SECURITY_STATUS handle_register(handle_obj *obj, SecHandle *out);

/* The live object of that type, with a reference the caller must release; NULL for a
 * NULL, zeroed, stale, foreign or wrong-type handle. */
handle_obj *handle_acquire(const SecHandle *h, handle_type type);
void handle_retain(handle_obj *obj);
void handle_release(handle_obj *obj);

/* Removes the handle from the table and drops the table's reference: the object lives on
 * until the last caller releases it. SEC_E_OK or SEC_E_INVALID_HANDLE. */
SECURITY_STATUS handle_unregister(const SecHandle *h, handle_type type);

/* Number of live handles (tests use it to prove nothing leaks). */
size_t handle_live_count(void);

#endif
