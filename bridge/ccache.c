/* Memory credential caches owned by contexts: named uniquely, destroyed with their owner. */
#include "bridge/ccache.h"

#include <krb5.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

static atomic_ulong ccache_counter;

void ccache_new_memory_name(char *buf, size_t size)
{
    snprintf(buf, size, "MEMORY:sspibridge-%ld-%lu", (long)getpid(),
             atomic_fetch_add(&ccache_counter, 1) + 1);
}

void ccache_destroy(const char *name)
{
    krb5_context kctx = NULL;
    krb5_ccache cc = NULL;

    if (krb5_init_context(&kctx) != 0)
        return;
    if (krb5_cc_resolve(kctx, name, &cc) == 0)
        krb5_cc_destroy(kctx, cc);
    krb5_free_context(kctx);
}
