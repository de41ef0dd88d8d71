/* Memory the bridge hands to callers (package lists, tokens with ALLOCATE_MEMORY, attribute
 * strings and keys): registered so FreeContextBuffer frees only what it handed out. */
#ifndef SSPIBRIDGE_MEMORY_H
#define SSPIBRIDGE_MEMORY_H

#include <sspi.h>
#include <stddef.h>

/* Zeroed memory the caller releases with FreeContextBuffer (or the bridge with mem_free).
 * NULL when out of memory. */
void *mem_alloc(size_t size);
/* Wipes and frees a block from mem_alloc. SEC_E_OK, or SEC_E_INVALID_PARAMETER for a
 * pointer mem_alloc did not return (it is left alone). NULL is SEC_E_OK, like free(). */
SECURITY_STATUS mem_free(void *p);
/* Blocks handed out and not yet freed (tests use it to prove nothing leaks). */
size_t mem_live_count(void);

#endif
