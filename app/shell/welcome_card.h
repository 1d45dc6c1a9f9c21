#pragma once
// The first start's welcome over the field lab: what the red and blue
// arrows are, which key trains, a button that starts lesson 1, and "don't
// show again". It floats over the plot's corner and goes when training
// starts, when closed, or with Escape.
#include <QFrame>

#include <functional>

class QCheckBox;

namespace aelab {

class WelcomeCard : public QFrame {
    Q_OBJECT
  public:
    // Over host (the field lab), sized to it; startLesson runs lesson 1.
    WelcomeCard(QWidget* host, std::function<void()> startLesson);
    // Whether a first start shows it: until "Don't show again" was ticked.
    static bool wanted();
    void dismiss(); // hides it, remembering the tick

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

  private:
    void place();
    QCheckBox* never_;
};

} // namespace aelab
