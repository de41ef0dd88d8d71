# Public headers, installed under $(includedir)/sspibridge so that <sspi.h> resolves to ours.
sspibridgeinclude_HEADERS += include/sspi.h include/security.h include/sspibridge.h
