# Pure tables and conversions (no GSSAPI calls, no state): flags, status codes, packages and
# OIDs, target names, UTF-8 <-> UTF-16, TimeStamp. Linked into the bridge and the unit tests.
noinst_LTLIBRARIES += libsspimappings.la
libsspimappings_la_SOURCES = \
	mappings/map_enctype.c mappings/map_enctype.h \
	mappings/map_flags.c mappings/map_flags.h \
	mappings/map_iov.c mappings/map_iov.h \
	mappings/map_name.c mappings/map_name.h \
	mappings/map_package.c mappings/map_package.h \
	mappings/map_status.c mappings/map_status.h \
	mappings/map_time.c mappings/map_time.h \
	mappings/map_utf.c mappings/map_utf.h
