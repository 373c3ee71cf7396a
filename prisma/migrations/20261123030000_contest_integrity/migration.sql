-- Contests, continued: certificates of participation, per-round tie-break order, integrity
-- signals per attempt, and who annulled an attempt when.

-- AlterTable
ALTER TABLE "Contest" ADD COLUMN "certificateEnabled" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Round" ADD COLUMN "tieBreakOrder" TEXT[] DEFAULT ARRAY['score', 'prediction', 'time', 'submittedAt']::TEXT[];

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN "hiddenCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "hiddenMs" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "hiddenMaxMs" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "copyCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "pasteCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "sessionIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "startIp" TEXT,
ADD COLUMN "deviceId" TEXT,
ADD COLUMN "fastAnswerCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "annulledAt" TIMESTAMP(3),
ADD COLUMN "annulledById" TEXT;

-- AlterTable
ALTER TABLE "AttemptAnswer" ADD COLUMN "firstAnsweredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
