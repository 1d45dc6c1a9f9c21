// Sessions, undo and the timeline in the main window: a saved session opened
// after other work brings back the same controls, model, field and loss
// history; a damaged file changes nothing; undo and redo walk through edits;
// the timeline shows an earlier model and training continues from it.
#include "tests/test_time.h"
#include "app/labs/dvae/dvae_controls.h"
#include "app/labs/dvae/dvae_lab.h"
#include "app/labs/field/field_controls.h"
#include "app/labs/image/image_controls.h"
#include "app/labs/image/image_lab.h"
#include "app/labs/interp/interp_controls.h"
#include "app/labs/interp/interp_lab.h"
#include "widgets/image_gallery.h"
#include "app/labs/field/field_lab.h"
#include "app/labs/field/field_worker.h"
#include "app/shell/lab_deck.h"
#include "widgets/loss_chart.h"
#include "app/shell/main_window.h"
#include "app/shell/session_actions.h"
#include "app/shell/setup_history.h"
#include "tests/app/worker_sync.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QFile>
#include <QSlider>
#include <cmath>
#include <QStandardPaths>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

namespace {

// A small field model, quick to train.
const QJsonObject kTiny{{"points", 200}, {"width", 16}, {"depth", 1},   {"batch", 32},
                        {"sigma", 0.2},  {"seed", 7},   {"speed", "20"}};

// Resets the field lab and waits for the new run's first frame.
void resetAndWait(FieldLab* lab) {
    QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().run > 0,
                             scaledMs(20000)); // the window's own first run
    const quint64 run = lab->lastSnapshot().run;
    lab->reset(false);
    QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().run > run, scaledMs(20000));
}

void trainTo(FieldLab* lab, long long steps) {
    lab->setPlaying(true);
    QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().step >= steps, scaledMs(60000));
    lab->setPlaying(false);
    QTRY_VERIFY_WITH_TIMEOUT(!lab->lastSnapshot().playing, scaledMs(10000));
}

} // namespace

class TestSessions : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void saveAndOpenReproduceTheField() {
        MainWindow window;
        FieldLab* lab = window.fieldLab();
        QVERIFY(window.deck()->applySetups({{"field", kTiny}}).isEmpty());
        resetAndWait(lab);
        trainTo(lab, 150);
        const FieldViewData saved = lab->lastSnapshot().view;
        const long long savedStep = lab->lastSnapshot().step;
        const int savedLosses = lab->lossChart()->pointCount(0);
        const QJsonObject savedSetups = window.deck()->setups();
        QVERIFY(saved.hasField() && savedLosses > 0);

        QTemporaryDir dir;
        const QString path = dir.filePath("lesson-day.aelab");
        QString error;
        QVERIFY2(window.sessions()->saveSession(path, &error), qPrintable(error));
        QCOMPARE(window.sessions()->recentSessions().value(0), path);

        // Other work: other settings, a fresh model.
        QJsonObject other = kTiny;
        other["sigma"] = 0.3;
        other["seed"] = 9;
        window.deck()->applySetups({{"field", other}});
        resetAndWait(lab);
        QVERIFY(lab->lastSnapshot().view.dx != saved.dx);

        const quint64 run = lab->lastSnapshot().run;
        QVERIFY2(window.sessions()->openSession(path, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().run > run && lab->lastSnapshot().restored,
                                 scaledMs(20000));
        QCOMPARE(window.deck()->setups(), savedSetups);
        QCOMPARE(lab->lastSnapshot().step, savedStep);
        QCOMPARE(lab->lastSnapshot().view.dx, saved.dx); // bit for bit
        QCOMPARE(lab->lastSnapshot().view.dy, saved.dy);
        QCOMPARE(lab->lastSnapshot().view.data, saved.data);
        QCOMPARE(lab->lossChart()->pointCount(0), savedLosses);
        // And it trains on from there.
        trainTo(lab, savedStep + 20);
    }

    // Painted points exist only in the model: a fresh window gets them back.
    void paintedPointsComeBack() {
        QVector<QPointF> points;
        for (int i = 0; i < 40; ++i)
            points.append(QPointF(std::cos(i * 0.3), std::sin(i * 0.5)));
        QTemporaryDir dir;
        const QString path = dir.filePath("painted.aelab");
        QVector<float> dx;
        long long step = 0;
        {
            MainWindow window;
            window.deck()->applySetups({{"field", kTiny}});
            resetAndWait(window.fieldLab());
            const quint64 run = window.fieldLab()->lastSnapshot().run;
            window.fieldLab()->controls()->setPaintedPoints(points);
            window.fieldLab()->reset(false);
            QTRY_VERIFY_WITH_TIMEOUT(window.fieldLab()->lastSnapshot().run > run, scaledMs(20000));
            QCOMPARE(window.fieldLab()->lastSnapshot().view.data.size(), points.size());
            trainTo(window.fieldLab(), 30);
            dx = window.fieldLab()->lastSnapshot().view.dx;
            step = window.fieldLab()->lastSnapshot().step;
            QString error;
            QVERIFY2(window.sessions()->saveSession(path, &error), qPrintable(error));
        }
        MainWindow fresh;
        FieldLab* lab = fresh.fieldLab();
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().run > 0, scaledMs(20000));
        QString error;
        QVERIFY2(fresh.sessions()->openSession(path, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().step == step &&
                                     lab->lastSnapshot().view.data.size() == points.size(),
                                 scaledMs(20000));
        QCOMPARE(lab->lastSnapshot().view.dx, dx);
        QCOMPARE(lab->controls()->config().data.kind, aelab::Toy2DKind::Painted);
        QCOMPARE(lab->controls()->config().data.painted.size(), size_t(2 * points.size()));
        // A live edit keeps training on the painted set.
        fresh.deck()->applySetups({{"field", QJsonObject{{"sigma", 0.15}}}});
        flushWorker(lab->fieldWorker()); // a failure would be reported by now
        auto* banner = lab->findChild<QLabel*>("errorBanner");
        QVERIFY(banner);
        QVERIFY2(banner->isHidden(), qPrintable(banner->text()));
        trainTo(lab, lab->lastSnapshot().step + 10);
        QCOMPARE(lab->lastSnapshot().view.data.size(), points.size());
    }

    // The image labs' models (image DAE, the interpolation lab's, both of the
    // DVAE lab's) come back at the step they were saved.
    void imageLabModelsComeBack() {
        MainWindow window;
        window.resize(1300, 850);
        window.show();
        LabDeck* deck = window.deck();
        window.imageLab()->controls()->chooseData("lines");
        window.interpLab()->controls()->chooseData("lines");
        window.dvaeLab()->controls()->chooseData("lines");
        const QStringList labs{"image", "interpolation", "dvae"};
        QMap<QString, long long> saved;
        for (const QString& key : labs) {
            deck->find(key)->setRunning(true);
            QTRY_VERIFY_WITH_TIMEOUT(deck->find(key)->progress() >= 3, scaledMs(120000));
            deck->find(key)->setRunning(false);
        }
        QTemporaryDir dir;
        const QString path = dir.filePath("images.aelab");
        QString error;
        // Saving waits for each worker, after its stop published the final
        // step: once those snapshots are in, they show the saved steps.
        QVERIFY2(window.sessions()->saveSession(path, &error), qPrintable(error));
        QCoreApplication::sendPostedEvents(); // the snapshots sent before the save
        for (const QString& key : labs)
            saved[key] = deck->find(key)->progress();
        for (const QString& key : labs) {
            deck->find(key)->rebuild();
            QTRY_COMPARE_WITH_TIMEOUT(deck->find(key)->progress(), 0LL, scaledMs(60000));
        }
        QVERIFY2(window.sessions()->openSession(path, &error), qPrintable(error));
        for (const QString& key : labs)
            QTRY_COMPARE_WITH_TIMEOUT(deck->find(key)->progress(), saved[key], scaledMs(60000));
    }

    // The interpolation lab's chosen pair and α come back with the session.
    void interpolationPairAndAlphaComeBack() {
        MainWindow window;
        window.show();
        InterpLab* lab = window.interpLab();
        window.deck()->show("interpolation");
        QTRY_VERIFY_WITH_TIMEOUT(!lab->framesSnapshot().endA.isNull(), scaledMs(60000));
        const QImage firstA = lab->framesSnapshot().endA, firstB = lab->framesSnapshot().endB;
        emit lab->gallery()->imageChosen(5, false);
        emit lab->gallery()->imageChosen(7, true);
        QTRY_VERIFY_WITH_TIMEOUT(lab->framesSnapshot().endA != firstA &&
                                     lab->framesSnapshot().endB != firstB,
                                 scaledMs(30000));
        const QImage savedA = lab->framesSnapshot().endA, savedB = lab->framesSnapshot().endB;
        lab->alphaSlider()->setValue(10);
        QTemporaryDir dir;
        const QString path = dir.filePath("pair.aelab");
        QString error;
        QVERIFY2(window.sessions()->saveSession(path, &error), qPrintable(error));
        emit lab->gallery()->imageChosen(1, false);
        emit lab->gallery()->imageChosen(2, false);
        lab->alphaSlider()->setValue(3);
        QTRY_VERIFY_WITH_TIMEOUT(lab->framesSnapshot().endA != savedA, scaledMs(30000));
        QVERIFY2(window.sessions()->openSession(path, &error), qPrintable(error));
        QCOMPARE(lab->alphaSlider()->value(), 10);
        QTRY_VERIFY_WITH_TIMEOUT(lab->framesSnapshot().endA == savedA &&
                                     lab->framesSnapshot().endB == savedB,
                                 scaledMs(30000));
    }

    // Quitting with models trained since the last save asks first; Cancel
    // keeps the window, Discard quits; a saved session quits without asking.
    void quitAsksAboutUnsavedModels() {
        MainWindow window;
        window.show();
        resetAndWait(window.fieldLab());
        int asked = 0;
        int answer = QMessageBox::Cancel;
        window.sessions()->askUnsaved = [&] {
            ++asked;
            return answer;
        };
        QVERIFY(window.close()); // nothing trained yet: no question
        QCOMPARE(asked, 0);
        window.show();
        trainTo(window.fieldLab(), 5);
        QVERIFY(window.sessions()->hasUnsavedModels());
        QVERIFY(!window.close());
        QCOMPARE(asked, 1);
        QVERIFY(window.isVisible());
        QTemporaryDir dir;
        QString error;
        QVERIFY2(window.sessions()->saveSession(dir.filePath("s.aelab"), &error),
                 qPrintable(error));
        QVERIFY(!window.sessions()->hasUnsavedModels());
        QVERIFY(window.close());
        QCOMPARE(asked, 1);
        window.show();
        trainTo(window.fieldLab(), window.fieldLab()->lastSnapshot().step + 3);
        answer = QMessageBox::Discard;
        QVERIFY(window.close());
        QCOMPARE(asked, 2);
    }

    void damagedSessionChangesNothing() {
        MainWindow window;
        window.deck()->applySetups({{"field", kTiny}});
        resetAndWait(window.fieldLab());
        QTemporaryDir dir;
        const QString path = dir.filePath("s.aelab");
        QString error;
        QVERIFY(window.sessions()->saveSession(path, &error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x10);
        file.seek(0);
        file.write(bytes);
        file.close();

        QJsonObject other = kTiny;
        other["sigma"] = 0.3;
        window.deck()->applySetups({{"field", other}});
        const QJsonObject before = window.deck()->setups();
        const quint64 run = window.fieldLab()->lastSnapshot().run;
        QVERIFY(!window.sessions()->openSession(path, &error));
        QVERIFY2(error.contains("damaged") && error.contains("s.aelab"), qPrintable(error));
        QCOMPARE(window.deck()->setups(), before);
        flushWorker(window.fieldLab()->fieldWorker()); // a reset would have shown by now
        QCOMPARE(window.fieldLab()->lastSnapshot().run, run);
    }

    void undoAndRedoHyperparameters() {
        MainWindow window;
        auto* sigma = window.fieldLab()->findChild<QDoubleSpinBox*>("sigma");
        QVERIFY(sigma);
        const double start = sigma->value();
        QUndoStack* stack = window.history()->stack();
        sigma->setValue(0.25);
        sigma->setValue(0.3); // the same control again: one step
        QCOMPARE(stack->count(), 1);
        auto* width = window.fieldLab()->findChild<QSpinBox*>("width");
        width->setValue(32);
        QCOMPARE(stack->count(), 2);
        stack->undo();
        QCOMPARE(width->value(), 128);
        stack->undo();
        QCOMPARE(sigma->value(), start);
        QCOMPARE(window.fieldLab()->controls()->config().sigma, float(start)); // the lab saw it
        stack->redo();
        QCOMPARE(sigma->value(), 0.3);
        QCOMPARE(stack->count(), 2); // undo and redo add no steps
    }

    void timelineScrubsAndContinues() {
        MainWindow window;
        FieldLab* lab = window.fieldLab();
        window.deck()->applySetups({{"field", kTiny}});
        resetAndWait(lab);
        const QVector<float> first = lab->lastSnapshot().view.dx;
        trainTo(lab, 250);
        QSlider* timeline = lab->timelineSlider();
        QTRY_VERIFY_WITH_TIMEOUT(timeline->maximum() >= 2,
                                 scaledMs(5000)); // kept at steps 0, 100, 200, ...
        const int kept = timeline->maximum();
        timeline->setValue(0);
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().timelinePosition == 0, scaledMs(10000));
        QCOMPARE(lab->lastSnapshot().step, 0LL);
        QCOMPARE(lab->lastSnapshot().view.dx, first);
        // Scrubbing loses nothing: the last snapshot is still there.
        timeline->setValue(timeline->maximum());
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().timelinePosition == timeline->maximum(),
                                 scaledMs(10000));
        QVERIFY(lab->lastSnapshot().step >= 250);
        QCOMPARE(timeline->maximum(), kept + 1); // the live end was kept too
        // Training from snapshot 1 drops the later ones.
        timeline->setValue(1);
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().timelinePosition == 1, scaledMs(10000));
        const long long at = lab->lastSnapshot().step;
        lab->stepOnce();
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().step == at + 1, scaledMs(10000));
        QCOMPARE(lab->lastSnapshot().timelinePosition, -1);
        QCOMPARE(timeline->maximum(), 1);
    }

    // The timeline and the loss readout come back with the session: the
    // slider reaches back to step 0 and shows the field saved there.
    void timelineAndReadoutsComeBack() {
        MainWindow window;
        FieldLab* lab = window.fieldLab();
        window.deck()->applySetups({{"field", kTiny}});
        resetAndWait(lab);
        const QVector<float> first = lab->lastSnapshot().view.dx;
        trainTo(lab, 350);
        QSlider* timeline = lab->timelineSlider();
        QTRY_VERIFY_WITH_TIMEOUT(timeline->maximum() >= 3, scaledMs(5000));
        const int kept = timeline->maximum();
        QTemporaryDir dir;
        const QString path = dir.filePath("timeline.aelab");
        QString error;
        QVERIFY2(window.sessions()->saveSession(path, &error), qPrintable(error));
        resetAndWait(lab);
        QCOMPARE(timeline->maximum(), 0);
        const quint64 run = lab->lastSnapshot().run;
        QVERIFY2(window.sessions()->openSession(path, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().run > run, scaledMs(20000));
        // Every kept snapshot before the saved step, and the saved step itself.
        QTRY_VERIFY_WITH_TIMEOUT(timeline->maximum() >= kept, scaledMs(20000));
        // The loss readout shows the saved curve's last value, not 0.
        QLabel* loss = nullptr;
        for (QLabel* l : window.deck()->find("field")->panel->findChildren<QLabel*>())
            if (l->objectName() == "lossReadout") loss = l;
        QVERIFY(loss);
        QVERIFY2(loss->text().toDouble() > 0, qPrintable(loss->text()));
        timeline->setValue(0);
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().timelinePosition == 0, scaledMs(10000));
        QCOMPARE(lab->lastSnapshot().step, 0LL);
        QCOMPARE(lab->lastSnapshot().view.dx, first);
    }

    // New data starts the timeline again: no snapshot of the old data is
    // scored against the new one; a rewound step shows no live loss.
    void newDataStartsTheTimelineAgain() {
        MainWindow window;
        FieldLab* lab = window.fieldLab();
        window.deck()->applySetups({{"field", kTiny}});
        resetAndWait(lab);
        trainTo(lab, 250);
        QSlider* timeline = lab->timelineSlider();
        QTRY_VERIFY_WITH_TIMEOUT(timeline->maximum() >= 2, scaledMs(5000));
        timeline->setValue(0);
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().timelinePosition == 0, scaledMs(10000));
        QVERIFY(!std::isfinite(lab->lastSnapshot().loss));
        timeline->setValue(timeline->maximum());
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastSnapshot().timelinePosition == timeline->maximum(),
                                 scaledMs(10000));
        const long long at = lab->lastSnapshot().step;
        const QStringList failed =
            window.deck()->applySetups({{"field", QJsonObject{{"dataset", "2"}}}});
        QVERIFY2(failed.isEmpty(), qPrintable(failed.join(",")));
        QTRY_COMPARE_WITH_TIMEOUT(timeline->maximum(), 0, scaledMs(10000));
        QCOMPARE(lab->lastSnapshot().step, at);
    }
};

QTEST_MAIN(TestSessions)
#include "tst_sessions.moc"
