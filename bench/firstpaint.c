/* Copied unchanged from ../shared/tools/firstpaint.c (the team's shared tools,
 * which state no licence of their own) so that bench/ runs from a clean
 * checkout; keep the two in step. */
/* firstpaint: time from exec to a program's first painted, then settled, top-level window on X.
 * usage: firstpaint [-q QUIET_MS] [-t TIMEOUT_MS] [-a MIN_AREA_PX] -- COMMAND [ARGS...]
 * prints: map_ms first_damage_ms settled_ms  (settled = last damage before QUIET_MS of calm)
 * The command is killed (SIGTERM to its process group) once the window has settled. */
#define _GNU_SOURCE
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e3 + t.tv_nsec / 1e6; }

int main(int argc, char **argv) {
  int quiet = 700, timeout = 20000, i = 1; long min_area = 4096;
  for (; i < argc; i++) {
    if (!strcmp(argv[i], "-q") && i + 1 < argc) quiet = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-t") && i + 1 < argc) timeout = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-a") && i + 1 < argc) min_area = atol(argv[++i]);
    else if (!strcmp(argv[i], "--")) { i++; break; }
    else break;
  }
  if (i >= argc) { fprintf(stderr, "usage: firstpaint [-q ms] [-t ms] -- cmd...\n"); return 2; }
  Display *d = XOpenDisplay(NULL);
  if (!d) { fprintf(stderr, "firstpaint: no display\n"); return 2; }
  int dev, der;
  if (!XDamageQueryExtension(d, &dev, &der)) { fprintf(stderr, "firstpaint: no DAMAGE\n"); return 2; }
  Window root = DefaultRootWindow(d);
  XSelectInput(d, root, SubstructureNotifyMask);
  XSync(d, False);
  double t0 = now_ms();
  pid_t pid = fork();
  if (pid == 0) { setpgid(0, 0); execvp(argv[i], argv + i); _exit(127); }
  setpgid(pid, pid);
  double t_map = -1, t_first = -1, t_last = -1;
  int fd = ConnectionNumber(d);
  for (;;) {
    double t = now_ms();
    if (t - t0 > timeout) break;
    if (t_last >= 0 && t - t_last > quiet) break;
    while (XPending(d)) {
      XEvent ev; XNextEvent(d, &ev);
      double te = now_ms();
      if (ev.type == MapNotify && ev.xmap.event == root && !ev.xmap.override_redirect) {
        if (t_map < 0) t_map = te - t0;
        XDamageCreate(d, ev.xmap.window, XDamageReportRawRectangles);
      } else if (ev.type == dev + XDamageNotify) {
        XDamageNotifyEvent *de = (XDamageNotifyEvent *)&ev;
        /* small rectangles (a blinking cursor, a spinner) are not content */
        if ((long)de->area.width * de->area.height < min_area) continue;
        if (t_first < 0) t_first = te - t0;
        t_last = te;
      }
    }
    struct pollfd p = { fd, POLLIN, 0 };
    poll(&p, 1, 20);
    int st; if (waitpid(pid, &st, WNOHANG) == pid) { pid = -1; break; }
  }
  if (pid > 0) { kill(-pid, SIGTERM); usleep(200000); kill(-pid, SIGKILL); waitpid(pid, NULL, 0); }
  if (t_first < 0) { printf("nowindow\n"); return 1; }
  printf("%.1f %.1f %.1f\n", t_map, t_first, t_last - t0);
  return 0;
}
