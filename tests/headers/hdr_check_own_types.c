/* Header check, built as C11: a program that brings its own Windows base types (as a
 * compatibility header would) defines SSPIBRIDGE_NO_BASE_TYPES, and sspi.h then uses
 * those typedefs; its size assertions accept them because they have Windows' widths.
 * Exits 0 when every check holds. */
#include <stdint.h>
#include <stdio.h>

typedef unsigned int ULONG, *PULONG;
typedef int LONG, *PLONG;
typedef unsigned short USHORT, *PUSHORT;
typedef unsigned char UCHAR, *PUCHAR;
typedef uintptr_t ULONG_PTR, *PULONG_PTR;
typedef intptr_t LONG_PTR, *PLONG_PTR;
typedef void *PVOID;
typedef unsigned char BOOLEAN, *PBOOLEAN;
typedef struct _LUID {
    ULONG LowPart;
    LONG HighPart;
} LUID, *PLUID;

#define SSPIBRIDGE_NO_BASE_TYPES
#define SECURITY_WIN32
#include <security.h>

_Static_assert(_Generic((ULONG)0, unsigned int: 1, default: 0), "the program's ULONG");
_Static_assert(_Generic(((SecBuffer *)0)->cbBuffer, unsigned int: 1, default: 0),
               "SecBuffer uses the program's ULONG");

int main(void)
{
    SecBufferDesc desc;
    SecBuffer buf;
    unsigned failed = 0;

    buf.cbBuffer = 0;
    buf.BufferType = SECBUFFER_TOKEN;
    buf.pvBuffer = NULL;
    desc.ulVersion = SECBUFFER_VERSION;
    desc.cBuffers = 1;
    desc.pBuffers = &buf;
    if (desc.pBuffers->BufferType != 2 || sizeof(SECURITY_STATUS) != 4)
        failed++;

    printf("headers-own-types: %u passed, %u failed\n", 1 - failed, failed);
    return failed == 0 ? 0 : 1;
}
