/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What Attain writes holds people's figures and reviews. Each file is created 0600 (whatever
 * the umask) under a temporary name beside its destination, synced, then renamed over it: no
 * other user can read it at any moment, and a failed or killed write never leaves a half file
 * under the name the director chose. */
char    *attain_private_file_create (const char *path, GError **error);
gboolean attain_private_file_commit (const char *temporary, const char *path, GError **error);
void     attain_private_file_discard (const char *temporary);
int attain_private_file_create_at (int dirfd, const char *name, char **temporary, GError **error);
gboolean attain_private_file_commit_at (int         dirfd,
                                        int         fd,
                                        const char *temporary,
                                        const char *name,
                                        GError    **error);
void     attain_private_file_discard_at (int dirfd, int fd, const char *temporary);
char    *attain_file_name_part (const char *text, guint max_chars);

G_END_DECLS
