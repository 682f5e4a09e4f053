/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An LD_PRELOAD shim for the fault tests: makes the Nth write, fsync or rename of a regular
 * file fail with EIO, or slows every write and fsync down so that a kill lands inside a
 * transaction. Only on the build without sanitizers (they intercept the same calls).
 *   ATTAIN_FAULT_CALL      write | fsync | rename      which calls to count
 *   ATTAIN_FAULT_AT        N                           fail the Nth (1-based); 0 never
 *   ATTAIN_FAULT_DELAY_US  microseconds                sleep before each write and fsync
 *   ATTAIN_FAULT_REPORT    path                        at exit, the counts "write fsync rename" */
/* Both pwrite and pwrite64 are defined here, so the 64-bit names are not redirected. */
#undef _FILE_OFFSET_BITS
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

enum
{
  WRITE,
  FSYNC,
  RENAME,
  N_CALLS
};

static const char   *names[N_CALLS] = { "write", "fsync", "rename" };
static unsigned long counts[N_CALLS];
static int           failing = -1;
static unsigned long fail_at;
static useconds_t    delay;

__attribute__ ((constructor)) static void
shim_init (void)
{
  const char *call = getenv ("ATTAIN_FAULT_CALL");
  const char *at = getenv ("ATTAIN_FAULT_AT");
  const char *slow = getenv ("ATTAIN_FAULT_DELAY_US");

  for (int i = 0; call != NULL && i < N_CALLS; i++)
    if (strcmp (call, names[i]) == 0)
      failing = i;
  fail_at = at ? strtoul (at, NULL, 10) : 0;
  delay = slow ? (useconds_t) strtoul (slow, NULL, 10) : 0;
}

__attribute__ ((destructor)) static void
shim_report (void)
{
  const char *path = getenv ("ATTAIN_FAULT_REPORT");
  FILE       *out = path ? fopen (path, "w") : NULL;

  if (out == NULL)
    return;
  fprintf (out, "%lu %lu %lu\n", counts[WRITE], counts[FSYNC], counts[RENAME]);
  fclose (out);
}

/* Whether this call is the one that fails; counts it either way. */
static int
should_fail (int call)
{
  unsigned long n = __atomic_add_fetch (&counts[call], 1, __ATOMIC_SEQ_CST);
  return call == failing && fail_at != 0 && n == fail_at;
}

static int
regular (int fd)
{
  struct stat st;
  return fstat (fd, &st) == 0 && S_ISREG (st.st_mode);
}

typedef ssize_t (*write_fn) (int, const void *, size_t);
typedef ssize_t (*pwrite_fn) (int, const void *, size_t, off_t);
typedef ssize_t (*pwrite64_fn) (int, const void *, size_t, off64_t);
typedef int (*sync_fn) (int);
typedef int (*rename_fn) (const char *, const char *);
typedef int (*renameat_fn) (int, const char *, int, const char *);

#define REAL(name, type)                                                                           \
  static type real_##name;                                                                         \
  if (real_##name == NULL)                                                                         \
  real_##name = (type) dlsym (RTLD_NEXT, #name)

/* Counts a write of a regular file and tells whether it is the one to fail; sleeps first when
 * asked to slow writes down. */
static int
write_fails (int fd)
{
  if (!regular (fd))
    return 0;
  if (delay)
    usleep (delay);
  return should_fail (WRITE);
}

ssize_t
write (int fd, const void *buf, size_t count)
{
  REAL (write, write_fn);
  if (write_fails (fd))
    {
      errno = EIO;
      return -1;
    }
  return real_write (fd, buf, count);
}

ssize_t
pwrite (int fd, const void *buf, size_t count, off_t offset)
{
  REAL (pwrite, pwrite_fn);
  if (write_fails (fd))
    {
      errno = EIO;
      return -1;
    }
  return real_pwrite (fd, buf, count, offset);
}

ssize_t
pwrite64 (int fd, const void *buf, size_t count, off64_t offset)
{
  REAL (pwrite64, pwrite64_fn);
  if (write_fails (fd))
    {
      errno = EIO;
      return -1;
    }
  return real_pwrite64 (fd, buf, count, offset);
}

static int
sync_call (int fd, sync_fn real)
{
  if (delay)
    usleep (delay);
  if (should_fail (FSYNC))
    {
      errno = EIO;
      return -1;
    }
  return real (fd);
}

int
fsync (int fd)
{
  REAL (fsync, sync_fn);
  return sync_call (fd, real_fsync);
}

int
fdatasync (int fd)
{
  REAL (fdatasync, sync_fn);
  return sync_call (fd, real_fdatasync);
}

int
rename (const char *from, const char *to)
{
  REAL (rename, rename_fn);
  if (should_fail (RENAME))
    {
      errno = EIO;
      return -1;
    }
  return real_rename (from, to);
}

int
renameat (int fromfd, const char *from, int tofd, const char *to)
{
  REAL (renameat, renameat_fn);
  if (should_fail (RENAME))
    {
      errno = EIO;
      return -1;
    }
  return real_renameat (fromfd, from, tofd, to);
}
