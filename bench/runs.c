/* runs.c — runs one or more commands N times each, interleaved, and prints per command the median, min and max wall time (ms) and the peak RSS (KB). */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

/*
 * Usage: runs N CMD ARGS... [ ::: CMD ARGS... ]...
 * Each round runs every command once, in order, so that commands compared
 * with each other (the compiler and the floor) see the same machine load.
 * The command's standard output and error go to /dev/null.  A command that
 * exits with a status above 1 (1 is "the input has findings" for check)
 * or dies of a signal makes the line end in "FAILED".  A run longer than
 * $BENCH_TIMEOUT seconds (default 300) is killed, ends the command's runs
 * and makes the line end in "TIMEOUT" (its time is then a lower bound).
 * Output, one line per command: median_ms min_ms max_ms peak_rss_kb status
 */

#define MAX_CMDS 8
#define MAX_RUNS 1000

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One run; returns the wall time in ms, the peak RSS in *rss_kb and the exit status in *status. */
static void on_alarm(int sig) { (void)sig; }

static double run_once(char **argv, long *rss_kb, int *status, double timeout_ms)
{
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		perror("runs: fork");
		exit(2);
	}
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
			close(fd);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	struct rusage ru;
	int st = 0, killed = 0;
	/* a blocking wait, cut by SIGALRM (installed without SA_RESTART) at the time limit */
	struct itimerval it = { { 0, 0 }, { (time_t)(timeout_ms / 1000), (suseconds_t)((long long)timeout_ms % 1000 * 1000) } };
	setitimer(ITIMER_REAL, &it, NULL);
	while (wait4(pid, &st, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("runs: wait4");
			exit(2);
		}
		if (!killed) {
			kill(pid, SIGKILL);
			killed = 1;
		}
	}
	struct itimerval off = { { 0, 0 }, { 0, 0 } };
	setitimer(ITIMER_REAL, &off, NULL);
	double t = now_ms() - t0;
	*rss_kb = ru.ru_maxrss;
	*status = killed ? -1 : WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return t;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: runs N CMD ARGS... [ ::: CMD ARGS... ]...\n");
		return 2;
	}
	int n = atoi(argv[1]);
	if (n < 1 || n > MAX_RUNS) {
		fprintf(stderr, "runs: N must be 1..%d\n", MAX_RUNS);
		return 2;
	}
	char **cmd[MAX_CMDS];
	int ncmd = 0;
	cmd[ncmd++] = argv + 2;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], ":::") == 0) {
			argv[i] = NULL;
			if (ncmd == MAX_CMDS || i + 1 >= argc) {
				fprintf(stderr, "runs: at most %d commands, none empty\n", MAX_CMDS);
				return 2;
			}
			cmd[ncmd++] = argv + i + 1;
		}
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;   /* no SA_RESTART: wait4 returns EINTR */
	sigaction(SIGALRM, &sa, NULL);
	const char *to = getenv("BENCH_TIMEOUT");
	double timeout_ms = (to && atof(to) > 0 ? atof(to) : 300) * 1000;
	static double t[MAX_CMDS][MAX_RUNS];
	int done[MAX_CMDS] = { 0 };
	long rss[MAX_CMDS] = { 0 };
	int bad[MAX_CMDS] = { 0 };
	for (int r = 0; r < n; r++) {
		for (int c = 0; c < ncmd; c++) {
			if (bad[c] < 0)
				continue;   /* timed out: no more runs */
			long kb;
			int st;
			t[c][done[c]++] = run_once(cmd[c], &kb, &st, timeout_ms);
			if (kb > rss[c])
				rss[c] = kb;
			if (st > 1 || st < 0)
				bad[c] = st;
		}
	}
	for (int c = 0; c < ncmd; c++) {
		int m = done[c];
		qsort(t[c], (size_t)m, sizeof t[c][0], cmp_double);
		double med = m % 2 ? t[c][m / 2] : (t[c][m / 2 - 1] + t[c][m / 2]) / 2;
		printf("%.2f %.2f %.2f %ld %s\n", med, t[c][0], t[c][m - 1], rss[c],
		       bad[c] < 0 ? "TIMEOUT" : bad[c] ? "FAILED" : "ok");
	}
	return 0;
}
