/* TCP plumbing for the sample programs: what gss-client's connect_to_server and
 * gss-server's create_socket do, for IPv4 and IPv6. */
#ifndef SSPIBRIDGE_INTEROP_SAMPLE_NET_H
#define SSPIBRIDGE_INTEROP_SAMPLE_NET_H

/* A connected socket to host:port (every address host resolves to is tried in turn), or
 * -1 after reporting the failure on stderr prefixed with prog. */
int net_connect(const char *prog, const char *host, unsigned short port);

/* A listening socket on every local address, port port (SO_REUSEADDR, as gss-server), or
 * -1 after reporting. IPv6 with IPv4-mapped addresses when the host has IPv6, else IPv4. */
int net_listen(const char *prog, unsigned short port);

/* Parses a port number 1..65535; -1 when s is not one. */
int net_parse_port(const char *s);

#endif
