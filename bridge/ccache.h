/* Memory credential caches the bridge owns (delegated credentials of an acceptor). */
#ifndef SSPIBRIDGE_CCACHE_H
#define SSPIBRIDGE_CCACHE_H

#include <stddef.h>

/* Writes a fresh, process-unique "MEMORY:..." cache name into buf. */
void ccache_new_memory_name(char *buf, size_t size);
/* Destroys the named cache and every ticket in it. */
void ccache_destroy(const char *name);

#endif
